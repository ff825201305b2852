package dev.p2pcopy.desktop.transfers;

import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferState;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;

/**
 * One transfer in the list: its title, direction, state, progress and the actions that fit its
 * state. It follows the {@link TransferItem}'s properties and calls back for the actions; it
 * never talks to the engine.
 */
final class TransferRow {
    private static final String UP_ARROW = "M6 0 L12 6.5 L8 6.5 L8 13 L4 13 L4 6.5 L0 6.5 Z";
    private static final String DOWN_ARROW = "M4 0 L8 0 L8 6.5 L12 6.5 L6 13 L0 6.5 L4 6.5 Z";

    private final TransferItem item;
    private final VBox root = new VBox();
    private final Label state = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label figures = new Label();
    private final Label code = new Label();
    private final HBox fileLine;
    private final Label currentFile = new Label();
    private final ProgressBar fileProgress = new ProgressBar(0);
    private final Label warning = new Label();
    private final Label failure = new Label();
    private final Hyperlink detailsToggle = new Hyperlink("Show details");
    private final TextArea details = new TextArea();
    private final Button cancel = new Button("_Cancel");
    private final Button openFolder = new Button("_Open folder");
    private final Button resume = new Button("Res_ume");
    private final BooleanBinding active;
    private final BooleanBinding resumable;

    /**
     * @param item the transfer shown
     * @param onCancel asked to cancel it
     * @param onOpenFolder asked to show its folder
     * @param onResume asked to resume it
     */
    TransferRow(
            TransferItem item,
            Consumer<TransferItem> onCancel,
            Consumer<TransferItem> onOpenFolder,
            Consumer<TransferItem> onResume) {
        this.item = item;
        this.active = item.activeBinding();
        this.resumable = item.resumableBinding();
        root.getStyleClass().add("transfer-row");
        root.setUserData(item);

        Label title = new Label();
        title.getStyleClass().add("transfer-title");
        title.setId("transfer-title");
        title.textProperty().bind(item.titleProperty());
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        state.getStyleClass().add("transfer-state");
        state.setId("transfer-state");
        state.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, direction(item.direction()), title, state);
        top.setAlignment(Pos.CENTER_LEFT);

        progress.setId("transfer-progress");
        progress.getStyleClass().add("transfer-progress");
        progress.setMaxWidth(Double.MAX_VALUE);

        figures.setId("transfer-figures");
        figures.getStyleClass().add("muted");
        figures.setWrapText(true);
        figures.setMinHeight(Region.USE_PREF_SIZE);
        code.setId("transfer-code");
        code.getStyleClass().addAll("muted", "transfer-code");
        currentFile.setId("transfer-current-file");
        currentFile.getStyleClass().add("muted");
        currentFile.setMinWidth(0);
        currentFile.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(currentFile, Priority.ALWAYS);
        fileProgress.setId("transfer-file-progress");
        fileProgress.getStyleClass().add("transfer-file-progress");
        fileProgress.setPrefWidth(140);
        fileProgress.setMinWidth(80);
        fileLine = new HBox(10, currentFile, fileProgress);
        fileLine.setId("transfer-file-line");
        fileLine.setAlignment(Pos.CENTER_LEFT);
        VBox info = new VBox(4, figures, code, fileLine);
        info.setMinWidth(0);
        HBox.setHgrow(info, Priority.ALWAYS);

        cancel.setId("transfer-cancel");
        cancel.setTooltip(new Tooltip("Stop this transfer; the other side is told"));
        cancel.setOnAction(e -> onCancel.accept(item));
        openFolder.setId("transfer-open-folder");
        openFolder.setTooltip(new Tooltip("Show the folder in the file manager"));
        openFolder.setOnAction(e -> onOpenFolder.accept(item));
        resume.setId("transfer-resume");
        resume.getStyleClass().add("primary");
        resume.setTooltip(new Tooltip("Continue from what has already arrived"));
        resume.setOnAction(e -> onResume.accept(item));
        HBox buttons = new HBox(8, openFolder, resume, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        for (Button b : new Button[] {cancel, openFolder, resume}) {
            b.setMnemonicParsing(true);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bottom = new HBox(12, info, buttons);
        bottom.setAlignment(Pos.CENTER_LEFT);

        warning.setId("transfer-warning");
        warning.getStyleClass().add("warning-text");
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        failure.setId("transfer-failure");
        failure.getStyleClass().add("error-text");
        failure.setWrapText(true);
        failure.setMinHeight(Region.USE_PREF_SIZE);
        failure.textProperty().bind(item.failureProperty());
        detailsToggle.setId("transfer-details-toggle");
        detailsToggle.setOnAction(e -> showDetails(!details.isVisible()));
        details.setId("transfer-details");
        details.getStyleClass().add("transfer-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(5);
        details.textProperty().bind(item.failureDetailsProperty());
        show(details, false);

        root.getChildren().addAll(top, progress, bottom, warning, failure, detailsToggle, details);

        show(cancel, active);
        show(resume, resumable);
        Observable[] watched = {
            item.stateProperty(),
            item.progressProperty(),
            item.resultProperty(),
            item.codeProperty(),
            item.warningProperty(),
            item.failureProperty()
        };
        for (Observable o : watched) {
            o.addListener(x -> update());
        }
        update();
    }

    /** The row's node. */
    Node root() {
        return root;
    }

    /** The transfer shown. */
    TransferItem item() {
        return item;
    }

    private void update() {
        TransferState s = item.stateProperty().get();
        TransferProgress p = item.progressProperty().get();
        state.setText(RowText.state(item.direction(), s, p));
        state.getStyleClass().removeAll("done", "failed");
        if (s == TransferState.DONE) {
            state.getStyleClass().add("done");
        } else if (s == TransferState.FAILED || s == TransferState.CANCELLED) {
            state.getStyleClass().add("failed");
        }
        progress.setProgress(RowText.fraction(s, p));
        show(progress, !s.isTerminal() || s == TransferState.DONE || p.totalBytes() > 0);
        progress.getStyleClass().remove("done");
        if (s == TransferState.DONE) {
            progress.getStyleClass().add("done");
        }
        figures.setText(RowText.figures(s, p, item.resultProperty().get()));
        show(figures, !figures.getText().isEmpty());
        boolean waiting = switch (s) {
            case CONNECTING, WAITING_FOR_PEER, HANDSHAKE -> true;
            default -> false;
        };
        String c = item.codeProperty().get();
        code.setText("Code: " + c);
        show(code, waiting && item.direction() == Direction.SEND && !c.isEmpty());
        currentFile.setText(RowText.currentFile(p));
        fileProgress.setProgress(p.currentFileFraction());
        show(fileLine, !s.isTerminal() && !currentFile.getText().isEmpty());
        warning.setText(item.warningProperty().get());
        show(warning, !s.isTerminal() && !warning.getText().isEmpty());
        // A cancel on this side needs no explanation beyond its state; every other end says why,
        // and so does a transfer of an earlier run (e.g. "the app was closed").
        boolean failed = (s != TransferState.CANCELLED || item.restored())
                && !item.failureProperty().get().isEmpty();
        show(failure, failed);
        show(detailsToggle, failed && !item.failureDetailsProperty().get().isEmpty());
        if (!failed) {
            showDetails(false);
        }
        show(openFolder, s == TransferState.DONE);
    }

    private void showDetails(boolean visible) {
        show(details, visible);
        detailsToggle.setText(visible ? "Hide details" : "Show details");
    }

    private static Label direction(Direction direction) {
        SVGPath arrow = new SVGPath();
        arrow.setContent(direction == Direction.SEND ? UP_ARROW : DOWN_ARROW);
        arrow.getStyleClass().add("transfer-direction-icon");
        Label label = new Label(direction == Direction.SEND ? "Send" : "Receive", arrow);
        label.setId("transfer-direction");
        label.getStyleClass().add("transfer-direction");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    private static void show(Node node, BooleanBinding visible) {
        node.visibleProperty().bind(visible);
        node.managedProperty().bind(visible);
    }
}
