package dev.p2pcopy.desktop.receive;

import dev.p2pcopy.desktop.app.AppContext;
import dev.p2pcopy.desktop.fx.PathDialogs;
import dev.p2pcopy.desktop.fx.View;
import dev.p2pcopy.desktop.receive.ReceiveModel.Phase;
import dev.p2pcopy.desktop.system.OpenFolder;
import dev.p2pcopy.desktop.transfers.TransferItem;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferState;
import dev.p2pcopy.protocol.code.Wordlist;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The Receive screen: checks the typed code, starts the receive into the chosen folder, asks
 * about the sender's offer through {@link AcceptDialog}, and follows the transfer until it has
 * arrived or failed.
 */
public final class ReceiveController {
    private final AppContext context;
    private final PathDialogs dialogs;
    private final Function<Path, CompletionStage<Void>> opener;
    private final ReceiveModel model = new ReceiveModel();
    private final ReceiveView view = new ReceiveView(model);
    private TransferItem current;

    /** The controller of the screen, sharing {@code context}. */
    public ReceiveController(AppContext context) {
        this(context, PathDialogs.system(), new OpenFolder()::open);
    }

    /**
     * With the folder dialog and the file manager replaced, for tests.
     *
     * @param opener shows a folder; its result fails with a sentence for the user
     */
    ReceiveController(AppContext context, PathDialogs dialogs, Function<Path, CompletionStage<Void>> opener) {
        this.context = context;
        this.dialogs = dialogs;
        this.opener = opener;
        WordCompletion.install(view.codeField(), Wordlist.english());
        useDefaultFolder();
        model.codeProperty()
                .addListener((obs, old, now) -> model.codeErrorProperty().set(""));
        view.onReceive(this::receive);
        view.onChangeFolder(this::changeFolder);
        view.onCancel(this::cancel);
        view.onOpenFolder(this::openFolder);
        view.onReceiveMore(this::receiveMore);
    }

    /** The screen. */
    public View view() {
        return view;
    }

    /** The screen's state, for tests. */
    ReceiveModel model() {
        return model;
    }

    /** The transfer started last, or null. */
    TransferItem current() {
        return current;
    }

    private void receive() {
        CodeCheck.Outcome checked = CodeCheck.of(model.codeProperty().get());
        if (checked.problem() != null) {
            model.codeErrorProperty().set(checked.problem());
            view.focusCode();
            return;
        }
        Path folder = model.folderProperty().get();
        AcceptDialog.Handler offers = AcceptDialog.handler(context, folder, view::window);
        String code = checked.code().value();
        current = context.transfers().receive(code, folder, offers);
        offers.dismissWhenEnded(current);
        model.noticeProperty().set("");
        follow(current);
        model.codeProperty().set(code); // after follow(): focus has left the field, so no completion pops up
    }

    /** Binds the model to {@code item}, replacing what it followed before. */
    private void follow(TransferItem item) {
        ObservableValue<TransferState> state = item.stateProperty();
        ObservableValue<TransferProgress> progress = item.progressProperty();
        model.titleProperty().bind(item.titleProperty());
        model.statusProperty()
                .bind(Bindings.createStringBinding(
                        () -> ReceiveStatus.text(
                                state.getValue(),
                                progress.getValue(),
                                item.failureProperty().get()),
                        state,
                        progress,
                        item.failureProperty()));
        model.progressVisibleProperty()
                .bind(Bindings.createBooleanBinding(() -> ReceiveStatus.showsProgress(state.getValue()), state));
        model.progressProperty()
                .bind(Bindings.createDoubleBinding(() -> progress.getValue().fraction(), progress));
        model.figuresProperty()
                .bind(Bindings.createStringBinding(
                        () -> ReceiveStatus.figures(
                                state.getValue(),
                                progress.getValue(),
                                item.resultProperty().get()),
                        state,
                        progress,
                        item.resultProperty()));
        model.phaseProperty().bind(Bindings.createObjectBinding(() -> ReceiveStatus.phase(state.getValue()), state));
    }

    private void changeFolder() {
        dialogs.folder(
                        view.window(),
                        "Save received files in",
                        model.folderProperty().get())
                .ifPresent(chosen -> {
                    model.folderProperty().unbind(); // for this receive only: the setting stays as it is
                    model.folderProperty().set(chosen);
                });
    }

    private void cancel() {
        if (current != null) {
            context.transfers().cancel(current);
        }
    }

    private void openFolder() {
        opener.apply(current.folder()).whenComplete((ok, error) -> {
            if (error != null) {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                Platform.runLater(() -> model.noticeProperty().set(cause.getMessage()));
            }
        });
    }

    private void receiveMore() {
        current = null;
        for (StringProperty p : List.of(model.titleProperty(), model.statusProperty(), model.figuresProperty())) {
            p.unbind();
            p.set("");
        }
        model.progressProperty().unbind();
        model.progressVisibleProperty().unbind();
        model.progressVisibleProperty().set(false);
        model.noticeProperty().set("");
        model.codeProperty().set("");
        useDefaultFolder();
        model.phaseProperty().unbind();
        model.phaseProperty().set(Phase.IDLE);
    }

    /** The folder follows the download folder setting until the user picks another one. */
    private void useDefaultFolder() {
        model.folderProperty().bind(context.settings().downloadFolderProperty());
    }
}
