package dev.p2pcopy.desktop.receive;

import dev.p2pcopy.desktop.fx.View;
import dev.p2pcopy.desktop.receive.ReceiveModel.Phase;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The Receive screen's layout: the code field, the target folder and Receive, then a card with
 * the running transfer's state, progress and actions. It binds to a {@link ReceiveModel} and
 * hands the user's actions to its controller.
 */
public final class ReceiveView implements View {
    private final VBox root = new VBox();
    private final TextField code = new TextField();
    private final Button change = new Button("C_hange…");
    private final Button receive = new Button("Recei_ve");
    private final Button cancel = new Button("_Cancel");
    private final Button openFolder = new Button("_Open folder");
    private final Button more = new Button("Receive _more");

    /** Lays out the screen and binds it to {@code model}. */
    public ReceiveView(ReceiveModel model) {
        ObservableValue<Phase> phase = model.phaseProperty();
        BooleanBinding running = Bindings.createBooleanBinding(() -> phase.getValue() == Phase.RUNNING, phase);
        BooleanBinding received = Bindings.createBooleanBinding(() -> phase.getValue() == Phase.RECEIVED, phase);

        Label title = new Label("Receive");
        title.getStyleClass().add("screen-title");
        Label intro = new Label("Type or paste the code that the sender sees.");
        intro.getStyleClass().add("muted");
        intro.setWrapText(true);

        VBox entry = entry(model);
        entry.disableProperty().bind(running.or(received));
        VBox status = status(model, running, received);

        root.getChildren().addAll(title, intro, entry, status);
        root.getStyleClass().addAll("screen", "receive-screen");
        root.setId("receive-screen");
        root.setFillWidth(true);
    }

    private VBox entry(ReceiveModel model) {
        Label codeLabel = new Label("Co_de");
        codeLabel.setMnemonicParsing(true);
        codeLabel.setLabelFor(code);
        codeLabel.getStyleClass().add("section-title");
        code.setId("receive-code");
        code.getStyleClass().add("code-field");
        code.setPromptText("e.g. 4821-river-orbit-lamp");
        code.setTooltip(new Tooltip("Spaces, dashes and capitals do not matter; words complete as you type."));
        code.textProperty().bindBidirectional(model.codeProperty());

        Label error = new Label();
        error.setId("receive-code-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.codeErrorProperty());
        showWhen(error, model.codeErrorProperty().isNotEmpty());

        Label saveTo = new Label("Save to");
        saveTo.getStyleClass().add("muted");
        saveTo.setMinWidth(Region.USE_PREF_SIZE);
        Label folder = new Label();
        folder.setId("receive-folder");
        folder.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS); // the end of a path says the most
        folder.setMaxWidth(Double.MAX_VALUE);
        folder.setMinWidth(0);
        HBox.setHgrow(folder, Priority.ALWAYS);
        folder.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> show(model.folderProperty().get()), model.folderProperty()));
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(folder.textProperty());
        folder.setTooltip(whole);
        change.setId("receive-change-folder");
        change.setMinWidth(Region.USE_PREF_SIZE);
        change.setTooltip(new Tooltip("Choose another folder for this receive only"));
        HBox folderRow = new HBox(10, saveTo, folder, change);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        folderRow.getStyleClass().add("receive-folder-row");

        receive.setId("receive-start");
        receive.getStyleClass().add("primary");
        receive.setMinWidth(Region.USE_PREF_SIZE);
        receive.defaultButtonProperty().bind(model.phaseProperty().isNotEqualTo(Phase.RECEIVED));
        HBox actions = new HBox(receive);
        actions.setAlignment(Pos.CENTER_RIGHT);

        VBox card = new VBox(codeLabel, code, error, folderRow, actions);
        card.getStyleClass().addAll("card", "receive-entry");
        return card;
    }

    private VBox status(ReceiveModel model, BooleanBinding running, BooleanBinding received) {
        Label what = new Label();
        what.setId("receive-title");
        what.getStyleClass().add("transfer-title");
        what.setWrapText(true);
        what.textProperty().bind(model.titleProperty());

        Label state = new Label();
        state.setId("receive-status");
        state.getStyleClass().add("transfer-state");
        state.setWrapText(true);
        state.textProperty().bind(model.statusProperty());
        styleState(state, model.phaseProperty().get());
        model.phaseProperty().addListener((obs, old, now) -> {
            styleState(state, now);
            moveFocus(now);
        });

        ProgressBar bar = new ProgressBar();
        bar.setId("receive-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        showWhen(bar, model.progressVisibleProperty());

        Label figures = new Label();
        figures.setId("receive-figures");
        figures.getStyleClass().add("muted");
        figures.textProperty().bind(model.figuresProperty());
        showWhen(figures, model.figuresProperty().isNotEmpty());

        cancel.setId("receive-cancel");
        cancel.setCancelButton(true);
        showWhen(cancel, running);
        openFolder.setId("receive-open-folder");
        openFolder.setTooltip(new Tooltip("Show the received files in the file manager"));
        showWhen(openFolder, received);
        more.setId("receive-more");
        more.getStyleClass().add("primary");
        more.defaultButtonProperty().bind(received);
        showWhen(more, received);
        HBox buttons = new HBox(10, cancel, openFolder, more);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        Label notice = new Label();
        notice.setId("receive-notice");
        notice.getStyleClass().add("warning-text");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        showWhen(notice, model.noticeProperty().isNotEmpty());

        VBox card = new VBox(what, state, bar, figures, buttons, notice);
        card.setId("receive-status-card");
        card.getStyleClass().addAll("card", "receive-status");
        showWhen(card, model.phaseProperty().isNotEqualTo(Phase.IDLE));
        return card;
    }

    private static void styleState(Label state, Phase phase) {
        state.getStyleClass().removeAll("done", "failed");
        if (phase == Phase.RECEIVED) {
            state.getStyleClass().add("done");
        } else if (phase == Phase.FAILED) {
            state.getStyleClass().add("failed");
        }
    }

    /** Keeps the keyboard where the next action is: Cancel, Receive more, or the code to fix. */
    private void moveFocus(Phase phase) {
        switch (phase) {
            case RUNNING -> cancel.requestFocus();
            case RECEIVED -> more.requestFocus();
            case FAILED, IDLE -> focusCode();
        }
    }

    private static void showWhen(Node node, ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private static String show(Path folder) {
        return folder == null ? "" : folder.toAbsolutePath().toString();
    }

    @Override
    public Parent root() {
        return root;
    }

    /** The code field (for its auto-completion). */
    public TextField codeField() {
        return code;
    }

    /** Puts the keyboard focus into the code field. */
    public void focusCode() {
        code.requestFocus();
        code.end();
    }

    /** The window showing the screen, or null while it is not shown. */
    public Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Runs {@code action} on Receive (click or Enter). */
    public void onReceive(Runnable action) {
        receive.setOnAction(e -> action.run());
    }

    /** Runs {@code action} on "Change…" of the folder. */
    public void onChangeFolder(Runnable action) {
        change.setOnAction(e -> action.run());
    }

    /** Runs {@code action} on Cancel (click or Escape). */
    public void onCancel(Runnable action) {
        cancel.setOnAction(e -> action.run());
    }

    /** Runs {@code action} on "Open folder". */
    public void onOpenFolder(Runnable action) {
        openFolder.setOnAction(e -> action.run());
    }

    /** Runs {@code action} on "Receive more". */
    public void onReceiveMore(Runnable action) {
        more.setOnAction(e -> action.run());
    }
}
