package dev.p2pcopy.desktop.receive;

import dev.p2pcopy.desktop.app.AppContext;
import dev.p2pcopy.desktop.format.Units;
import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.desktop.transfers.TransferItem;
import dev.p2pcopy.protocol.OfferHandler;
import dev.p2pcopy.protocol.manifest.Manifest;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks the user whether to accept the sender's offer: what comes (file count, total size, the
 * top-level names), where it goes, and whether it fits there. Accept is the default button
 * (Enter), Decline the cancel button (Escape). Used by the Receive screen and by Resume.
 */
public final class AcceptDialog {
    private static final ButtonType ACCEPT = new ButtonType("_Accept", ButtonData.OK_DONE);
    private static final ButtonType DECLINE = new ButtonType("_Decline", ButtonData.CANCEL_CLOSE);
    private static final double WIDTH = 460;

    private AcceptDialog() {}

    /**
     * An offer handler that shows this dialog on the FX thread and answers with the user's
     * choice. Safe to call from any thread.
     *
     * @param context for the theme
     * @param folder where the files will be saved: shown, and its free space measured
     * @param owner the window the dialog belongs to (asked on the FX thread; may give null)
     */
    public static Handler handler(AppContext context, Path folder, Supplier<Window> owner) {
        return new Handler(context, folder, owner);
    }

    /**
     * Builds the dialog for {@code manifest}, not yet shown; its result is true for Accept and
     * false for Decline or closing. Call on the FX thread.
     *
     * @param folder where the files will be saved
     * @param freeBytes the usable space at {@code folder}, or empty if unknown
     * @param theme the look to apply
     */
    public static Dialog<Boolean> create(Manifest manifest, Path folder, OptionalLong freeBytes, Theme theme) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.setTitle("Incoming files");
        DialogPane pane = dialog.getDialogPane();
        pane.setId("accept-dialog");
        pane.getStyleClass().add("accept-dialog");
        pane.getButtonTypes().setAll(ACCEPT, DECLINE);
        pane.lookupButton(ACCEPT).setId("accept-dialog-accept");
        pane.lookupButton(ACCEPT).getStyleClass().add("primary");
        pane.lookupButton(DECLINE).setId("accept-dialog-decline");
        pane.setContent(content(manifest, folder, freeBytes));
        pane.setPrefWidth(WIDTH);
        theme.applyTo(pane);
        dialog.setResultConverter(button -> button == ACCEPT);
        return dialog;
    }

    private static VBox content(Manifest manifest, Path folder, OptionalLong freeBytes) {
        Label heading = new Label("Accept these files?");
        heading.getStyleClass().add("section-title");
        Label totals = new Label(OfferSummary.totals(manifest));
        totals.setId("accept-summary");
        totals.getStyleClass().add("metric-value");

        VBox names = new VBox();
        names.setId("accept-names");
        names.getStyleClass().add("accept-names");
        for (String line : OfferSummary.lines(manifest)) {
            Label name = new Label(line);
            name.setWrapText(true);
            names.getChildren().add(name);
        }
        String more = OfferSummary.more(manifest);
        if (!more.isEmpty()) {
            Label rest = new Label(more);
            rest.setId("accept-more");
            rest.getStyleClass().add("muted");
            names.getChildren().add(rest);
        }

        GridPane where = new GridPane();
        where.getStyleClass().add("accept-where");
        Label folderValue = wrapping(folder.toAbsolutePath().toString());
        folderValue.setId("accept-folder");
        Label space = wrapping(freeBytes.isPresent() ? Units.size(freeBytes.getAsLong()) : "unknown");
        space.setId("accept-space");
        where.addRow(0, muted("Save to"), folderValue);
        where.addRow(1, muted("Free there"), space);

        VBox box = new VBox(heading, totals, names, new Separator(), where);
        box.getStyleClass().add("accept-content");
        // The engine asks only when what is still missing fits, so less space than the whole
        // offer means part of it is here already from an interrupted transfer.
        if (freeBytes.isPresent() && freeBytes.getAsLong() < manifest.totalBytes()) {
            Label warning = wrapping("Only " + Units.size(freeBytes.getAsLong()) + " is free there for the "
                    + Units.size(manifest.totalBytes()) + " offered: it fits because part of it arrived"
                    + " before and is resumed, not sent again.");
            warning.setId("accept-space-warning");
            warning.getStyleClass().add("warning-text");
            box.getChildren().add(warning);
        }
        return box;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    /**
     * The {@link OfferHandler} behind the dialog. It remembers the dialog it shows, so that a
     * transfer that ends while the user is still deciding takes its question away with it.
     */
    public static final class Handler implements OfferHandler {
        private final AppContext context;
        private final Path folder;
        private final Supplier<Window> owner;
        private Dialog<Boolean> open; // FX thread only

        private Handler(AppContext context, Path folder, Supplier<Window> owner) {
            this.context = context;
            this.folder = folder;
            this.owner = owner;
        }

        /** Shows the dialog on the FX thread; completes with the user's answer once it closes. */
        @Override
        public CompletionStage<Boolean> onOffer(Manifest manifest) {
            OptionalLong free = UsableSpace.at(folder); // file system I/O: here, off the FX thread
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            Platform.runLater(() -> show(manifest, free, answer));
            return answer;
        }

        /**
         * Closes the dialog (as a Decline) if {@code item} ends before the user answered, e.g.
         * because the sender cancelled. Call on the FX thread.
         */
        public void dismissWhenEnded(TransferItem item) {
            item.stateProperty().addListener((obs, old, now) -> {
                if (now.isTerminal() && open != null) {
                    open.close();
                }
            });
        }

        private void show(Manifest manifest, OptionalLong free, CompletableFuture<Boolean> answer) {
            Dialog<Boolean> dialog = create(
                    manifest, folder, free, context.settings().themeProperty().get());
            Window window = owner.get();
            if (window != null) {
                dialog.initOwner(window);
            }
            dialog.setOnHidden(e -> {
                open = null;
                answer.complete(Boolean.TRUE.equals(dialog.getResult()));
            });
            open = dialog;
            dialog.show();
        }
    }
}
