package dev.p2pcopy.desktop.send;

import dev.p2pcopy.desktop.fx.View;
import dev.p2pcopy.protocol.TransferState;
import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import javafx.stage.Window;

/**
 * The Send screen: a drop zone and the list of what will be sent, then the code with its QR code
 * and the transfer's progress. It lays out and binds {@link SendModel}; every action goes to the
 * handlers its controller registers.
 */
public final class SendView implements View {
    /** Pixels per QR module: a 25–29 module code becomes a 165–185 pixel square. */
    private static final int QR_MODULE = 5;

    private static final String FILE_ICON = "M1 0 H8 L12 4 V15 H1 Z M8 0 V4 H12";
    private static final String FOLDER_ICON = "M0 2 H5 L6.5 4 H14 V13 H0 Z";
    private static final String CROSS = "M0 0 L9 9 M9 0 L0 9";

    private final SendModel model;
    private final VBox root = new VBox();
    private final StackPane body = new StackPane();

    private final DropZone dropZone;
    private final Button chooseFiles = button("Choose _files…", "send-choose-files");
    private final Button chooseFolder = button("Choose f_older…", "send-choose-folder");
    private final ListView<SendEntry> list = new ListView<>();
    private final Button start = button("St_art", "send-start");

    private final Button copy = button("_Copy", "send-copy");
    private final ImageView qr = new ImageView();
    private final Button cancel = button("C_ancel", "send-cancel");
    private final Button tryAgain = button("Try a_gain", "send-try-again");
    private final Button sendMore = button("Send _more", "send-more");
    private final Hyperlink showTransfers = new Hyperlink("Show in Transfers");

    private Consumer<List<File>> onFiles = files -> {};
    private Consumer<SendEntry> onRemove = entry -> {};

    /** Builds the screen on {@code model}. */
    public SendView(SendModel model) {
        this.model = model;
        this.dropZone = new DropZone(files -> onFiles.accept(files));
        Label title = new Label("Send");
        title.getStyleClass().add("screen-title");
        root.getStyleClass().addAll("screen", "send-screen");
        root.setId("send-screen");
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(title, body);
        VBox choosing = choosing();
        VBox sending = sending();
        model.phaseProperty()
                .addListener(
                        (obs, old, now) -> body.getChildren().setAll(now == SendPhase.CHOOSING ? choosing : sending));
        body.getChildren().setAll(model.phaseProperty().get() == SendPhase.CHOOSING ? choosing : sending);
    }

    @Override
    public Parent root() {
        return root;
    }

    /** The zone that takes dropped files and folders. */
    public DropZone dropZone() {
        return dropZone;
    }

    /** The window the screen is in, as the owner of dialogs; null while not shown. */
    public Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Receives the files and folders dropped on the drop zone. */
    public void onFilesDropped(Consumer<List<File>> handler) {
        onFiles = handler;
    }

    /** Receives the row whose remove button was pressed (or that was removed by Delete). */
    public void onRemove(Consumer<SendEntry> handler) {
        onRemove = handler;
    }

    /** Runs on "Choose files…" (also Space on the drop zone). */
    public void onChooseFiles(Runnable handler) {
        chooseFiles.setOnAction(e -> handler.run());
    }

    /** Runs on "Choose folder…". */
    public void onChooseFolder(Runnable handler) {
        chooseFolder.setOnAction(e -> handler.run());
    }

    /** Runs on Start (also Enter). */
    public void onStart(Runnable handler) {
        start.setOnAction(e -> handler.run());
    }

    /** Runs on Copy. */
    public void onCopy(Runnable handler) {
        copy.setOnAction(e -> handler.run());
    }

    /** Runs on Cancel (also Escape). */
    public void onCancel(Runnable handler) {
        cancel.setOnAction(e -> handler.run());
    }

    /** Runs on "Try again" after a failed or cancelled transfer. */
    public void onTryAgain(Runnable handler) {
        tryAgain.setOnAction(e -> handler.run());
    }

    /** Runs on "Send more" / "New transfer". */
    public void onSendMore(Runnable handler) {
        sendMore.setOnAction(e -> handler.run());
    }

    /** Runs on "Show in Transfers". */
    public void onShowTransfers(Runnable handler) {
        showTransfers.setOnAction(e -> handler.run());
    }

    private VBox choosing() {
        Label hint = new Label("Drop files or folders here");
        hint.getStyleClass().add("drop-hint");
        Label or = new Label("or");
        or.getStyleClass().add("muted");
        HBox buttons = new HBox(10, chooseFiles, chooseFolder);
        buttons.setAlignment(Pos.CENTER);
        dropZone.setId("send-drop-zone");
        dropZone.getChildren()
                .addAll(icon("M12 2 V16 M6 8 L12 2 L18 8 M3 19 H21", "send-drop-icon"), hint, or, buttons);
        dropZone.setMinHeight(170);
        dropZone.setMaxHeight(Double.MAX_VALUE);
        dropZone.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && e.getTarget() == dropZone) {
                chooseFiles.fire();
                e.consume();
            }
        });
        Tooltip.install(dropZone, new Tooltip("Drag files or folders from your file manager onto this area"));

        Label notice = wrapping(model.noticeProperty(), "send-notice", "error-text");
        showWhen(notice, model.noticeProperty().isNotEmpty());

        list.setId("send-list");
        list.getStyleClass().add("send-list");
        list.setItems(model.entries());
        list.setCellFactory(v -> new EntryCell());
        list.setMinHeight(90);
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            SendEntry selected = list.getSelectionModel().getSelectedItem();
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && selected != null) {
                onRemove.accept(selected);
                e.consume();
            }
        });
        // The list would take Enter for editing, which it has none of: Enter means Start here too.
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                start.fire();
                e.consume();
            }
        });
        BooleanBinding empty = Bindings.isEmpty(model.entries());
        showWhen(list, empty.not());
        // The drop zone fills the screen until something is chosen, then the list takes the room.
        empty.addListener((obs, old, now) -> VBox.setVgrow(dropZone, now ? Priority.ALWAYS : Priority.NEVER));
        VBox.setVgrow(dropZone, Priority.ALWAYS);
        VBox.setVgrow(list, Priority.ALWAYS);

        Label summary = new Label();
        summary.setId("send-summary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(model.summaryProperty());
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        start.getStyleClass().add("primary");
        start.setDefaultButton(true);
        start.disableProperty().bind(empty);
        start.setTooltip(new Tooltip("Get a code for the receiver and start sending (Enter)"));
        HBox bottom = new HBox(12, summary, start);
        bottom.setAlignment(Pos.CENTER_LEFT);

        VBox pane = new VBox(12, dropZone, notice, list, bottom);
        pane.getStyleClass().add("send-choosing");
        return pane;
    }

    private VBox sending() {
        Label what = new Label();
        what.setId("send-title");
        what.getStyleClass().add("section-title");
        what.textProperty().bind(model.titleProperty());

        VBox sending = new VBox(14, what, codeCard(), statusRow(), progressCard(), outcomeCard(), actions());
        sending.getStyleClass().add("send-sending");
        return sending;
    }

    private VBox codeCard() {
        ProgressIndicator fetching = new ProgressIndicator();
        fetching.getStyleClass().add("send-spinner");
        Label gettingCode = new Label(SendTexts.GETTING_CODE);
        gettingCode.setId("send-getting-code");
        HBox pending = new HBox(10, fetching, gettingCode);
        pending.setAlignment(Pos.CENTER_LEFT);
        BooleanBinding hasCode = model.codeProperty().isNotEmpty();
        showWhen(pending, hasCode.not());

        Label intro = new Label("Give this code to the receiver");
        intro.getStyleClass().add("muted");
        Label code = new Label();
        code.setId("send-code");
        code.getStyleClass().addAll("code-display", "send-code");
        code.textProperty().bind(model.codeProperty());
        code.setMinWidth(Region.USE_PREF_SIZE); // a code cut short is useless

        qr.setId("send-qr");
        qr.setSmooth(false); // scaling by whole factors keeps the modules sharp
        qr.imageProperty()
                .bind(Bindings.createObjectBinding(
                        () -> model.codeProperty().get().isEmpty()
                                ? null
                                : QrCode.image(model.codeProperty().get(), QR_MODULE),
                        model.codeProperty()));
        Tooltip.install(qr, new Tooltip("The code as a QR code"));

        Label how = new Label("On the other computer, open p2p-copy, choose Receive and enter this code.");
        how.setWrapText(true);
        copy.setTooltip(new Tooltip("Copy the code to the clipboard"));
        Label copied = new Label("Copied.");
        copied.setId("send-copied");
        copied.getStyleClass().add("success-text");
        showWhen(copied, model.copiedProperty());
        HBox copyRow = new HBox(10, copy, copied);
        copyRow.setAlignment(Pos.CENTER_LEFT);
        VBox beside = new VBox(12, how, copyRow);
        HBox.setHgrow(beside, Priority.ALWAYS);
        HBox shown = new HBox(18, qr, beside);
        VBox withCode = new VBox(8, intro, code, shown);
        showWhen(withCode, hasCode);

        VBox card = new VBox(pending, withCode);
        card.setId("send-code-card");
        card.getStyleClass().add("card");
        showWhen(card, model.phaseProperty().isEqualTo(SendPhase.WAITING));
        return card;
    }

    private HBox statusRow() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("send-spinner");
        Label status = new Label();
        status.setId("send-status");
        status.textProperty().bind(model.statusProperty());
        HBox row = new HBox(10, spinner, status);
        row.setAlignment(Pos.CENTER_LEFT);
        showWhen(
                row,
                model.phaseProperty()
                        .isEqualTo(SendPhase.WAITING)
                        .and(model.codeProperty().isNotEmpty()));
        return row;
    }

    private VBox progressCard() {
        Label status = new Label();
        status.setId("send-transfer-status");
        status.getStyleClass().add("send-transfer-status");
        status.textProperty().bind(model.statusProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("send-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label figures = new Label();
        figures.setId("send-progress-text");
        figures.getStyleClass().add("muted");
        figures.textProperty().bind(model.progressTextProperty());
        VBox card = new VBox(status, bar, figures);
        card.setId("send-progress-card");
        card.getStyleClass().add("card");
        showWhen(card, model.phaseProperty().isEqualTo(SendPhase.TRANSFERRING));
        return card;
    }

    private VBox outcomeCard() {
        Label outcome = wrapping(model.outcomeProperty(), "send-outcome", "send-outcome");
        model.stateProperty().addListener((obs, old, now) -> {
            outcome.getStyleClass().removeAll("success-text", "error-text");
            sendMore.getStyleClass().remove("primary");
            if (now == TransferState.DONE) {
                outcome.getStyleClass().add("success-text");
                sendMore.getStyleClass().add("primary"); // the obvious next step
            } else if (now == TransferState.FAILED) {
                outcome.getStyleClass().add("error-text");
            }
        });
        Label detail = wrapping(model.outcomeDetailProperty(), "send-outcome-detail", "muted");
        showWhen(detail, model.outcomeDetailProperty().isNotEmpty());
        VBox card = new VBox(outcome, detail);
        card.setId("send-outcome-card");
        card.getStyleClass().add("card");
        showWhen(card, model.phaseProperty().isEqualTo(SendPhase.ENDED));
        return card;
    }

    private HBox actions() {
        BooleanBinding ended = model.phaseProperty().isEqualTo(SendPhase.ENDED);
        cancel.setCancelButton(true);
        cancel.setTooltip(new Tooltip("Stop sending and tell the receiver (Escape)"));
        cancel.disableProperty().bind(ended);
        showWhen(cancel, ended.not());
        tryAgain.getStyleClass().add("primary");
        tryAgain.setTooltip(new Tooltip("Send the same files again under a new code"));
        showWhen(tryAgain, ended.and(model.stateProperty().isNotEqualTo(TransferState.DONE)));
        sendMore.textProperty()
                .bind(Bindings.when(model.stateProperty().isEqualTo(TransferState.DONE))
                        .then("Send _more")
                        .otherwise("Ne_w transfer"));
        showWhen(sendMore, ended);
        showTransfers.setId("send-show-transfers");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(10, cancel, tryAgain, sendMore, gap, showTransfers);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** One row of the list: icon, name, size, remove. */
    private final class EntryCell extends ListCell<SendEntry> {
        private final SVGPath icon = icon(FILE_ICON, "send-icon");
        private final Label name = new Label();
        private final Label size = new Label();
        private final Button remove = new Button();
        private final HBox row;

        EntryCell() {
            name.getStyleClass().add("send-entry-name");
            name.setMaxWidth(Double.MAX_VALUE);
            name.setMinWidth(60);
            HBox.setHgrow(name, Priority.ALWAYS);
            size.getStyleClass().addAll("muted", "send-entry-size");
            size.setMinWidth(Region.USE_PREF_SIZE);
            remove.setGraphic(icon(CROSS, "send-remove-glyph"));
            remove.getStyleClass().add("send-remove");
            remove.setFocusTraversable(false); // Delete removes the selected row from the keyboard
            remove.setTooltip(new Tooltip("Remove from the list"));
            remove.setOnAction(e -> {
                if (getItem() != null) {
                    onRemove.accept(getItem());
                }
            });
            StackPane iconBox = new StackPane(icon); // one width for both icons keeps the names aligned
            iconBox.setMinWidth(16);
            iconBox.setPrefWidth(16);
            row = new HBox(10, iconBox, name, size, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("send-entry");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(SendEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            size.textProperty().unbind();
            if (empty || entry == null) {
                setGraphic(null);
                name.setTooltip(null);
                return;
            }
            name.setText(entry.name());
            name.setTooltip(new Tooltip(entry.path().toString()));
            size.textProperty()
                    .bind(Bindings.createStringBinding(
                            () -> SendTexts.rowSize(entry.sizeProperty().get()), entry.sizeProperty()));
            icon.setContent(entry.sizeProperty().get().folder() ? FOLDER_ICON : FILE_ICON);
            setGraphic(row);
        }
    }

    private static Button button(String text, String id) {
        Button button = new Button(text);
        button.setMnemonicParsing(true);
        button.setId(id);
        return button;
    }

    private static SVGPath icon(String path, String styleClass) {
        SVGPath icon = new SVGPath();
        icon.setContent(path);
        icon.getStyleClass().add(styleClass);
        return icon;
    }

    private static Label wrapping(ObservableValue<String> text, String id, String styleClass) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        return label;
    }

    private static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }
}
