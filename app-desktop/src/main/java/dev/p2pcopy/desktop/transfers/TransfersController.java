package dev.p2pcopy.desktop.transfers;

import dev.p2pcopy.desktop.app.AppContext;
import dev.p2pcopy.desktop.fx.View;
import dev.p2pcopy.desktop.receive.AcceptDialog;
import dev.p2pcopy.desktop.system.OpenFolder;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The Transfers screen's controller: lists the transfers of {@link AppContext#transfers()} and
 * carries out Cancel, Open folder, Resume and Clear finished.
 */
public final class TransfersController {
    private final AppContext context;
    private final TransfersModel model;
    private final TransfersView view;
    private final Function<Path, CompletableFuture<Void>> openFolder;

    /** The controller of the screen, sharing {@code context}. */
    public TransfersController(AppContext context) {
        this(context, new OpenFolder()::open);
    }

    /**
     * @param openFolder shows a folder in the file manager; fails with a one-sentence message
     */
    TransfersController(AppContext context, Function<Path, CompletableFuture<Void>> openFolder) {
        this.context = context;
        this.openFolder = openFolder;
        this.model = new TransfersModel(context.transfers().items());
        this.view = new TransfersView(model);
        view.onCancel(context.transfers()::cancel);
        view.onOpenFolder(this::openFolder);
        view.onResume(this::resume);
        view.onClearFinished(context.transfers()::clearEnded);
        followEnds();
    }

    /** The screen. */
    public View view() {
        return view;
    }

    /** The model, for tests. */
    TransfersModel model() {
        return model;
    }

    private void openFolder(TransferItem item) {
        model.messageProperty().set("");
        openFolder
                .apply(item.folder())
                .whenComplete((done, error) -> Platform.runLater(() -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause()
                                : error;
                        model.messageProperty().set(cause.getMessage());
                    }
                }));
    }

    /**
     * A sender offers the same files again under a new code; a receiver asks for the code first
     * (the old one still works while the sender waits) and then shows the offer as usual.
     */
    private void resume(TransferItem item) {
        model.messageProperty().set("");
        if (item.direction() == Direction.SEND) {
            context.transfers().resume(item, null, null);
            return;
        }
        ResumeCodeDialog.ask(
                        window(),
                        item.codeProperty().get(),
                        context.settings().themeProperty().get())
                .ifPresent(code -> {
                    AcceptDialog.Handler offers = AcceptDialog.handler(context, item.folder(), this::window);
                    offers.dismissWhenEnded(context.transfers().resume(item, code, offers));
                });
    }

    /** Keeps "Clear finished" enabled exactly while some transfer has ended. */
    private void followEnds() {
        ListChangeListener<TransferItem> follow = change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(i -> i.stateProperty().addListener((obs, old, now) -> countEnded()));
            }
            countEnded();
        };
        model.items().forEach(i -> i.stateProperty().addListener((obs, old, now) -> countEnded()));
        model.items().addListener(follow);
        countEnded();
    }

    private void countEnded() {
        model.anyEndedProperty()
                .set(model.items().stream()
                        .anyMatch(i -> i.stateProperty().get().isTerminal()));
    }

    private Window window() {
        Scene scene = view.root().getScene();
        return scene == null ? null : scene.getWindow();
    }
}
