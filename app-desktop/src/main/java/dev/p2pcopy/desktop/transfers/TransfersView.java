package dev.p2pcopy.desktop.transfers;

import dev.p2pcopy.desktop.fx.View;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Transfers screen: a title with "Clear finished", then one {@link TransferRow} per transfer,
 * newest first, or a hint while there are none. It only lays out and binds; the controller
 * handles the actions.
 */
public final class TransfersView implements View {
    private final TransfersModel model;
    private final VBox root = new VBox();
    private final VBox rows = new VBox(10);
    private final Map<TransferItem, TransferRow> rowOf = new IdentityHashMap<>();
    private final Button clear = new Button("C_lear finished");
    private Consumer<TransferItem> cancel = item -> {};
    private Consumer<TransferItem> openFolder = item -> {};
    private Consumer<TransferItem> resume = item -> {};

    /** Builds the screen on {@code model}. */
    public TransfersView(TransfersModel model) {
        this.model = model;
        root.getStyleClass().addAll("screen", "transfers-screen");

        Label title = new Label("Transfers");
        title.getStyleClass().add("screen-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        clear.setId("transfers-clear");
        clear.setMnemonicParsing(true);
        clear.setTooltip(new Tooltip("Remove the transfers that have ended from the list"));
        clear.disableProperty().bind(model.anyEndedProperty().not());
        HBox header = new HBox(12, title, gap, clear);
        header.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("transfers-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        rows.getStyleClass().add("transfers-rows");
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setId("transfers-list");
        scroll.getStyleClass().add("transfers-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        Label empty = new Label("No transfers yet. Send or receive files to see them here.");
        empty.setId("transfers-empty");
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
        empty.visibleProperty().bind(Bindings.isEmpty(model.items()));
        scroll.visibleProperty().bind(empty.visibleProperty().not());
        StackPane body = new StackPane(scroll, empty);
        StackPane.setAlignment(empty, Pos.TOP_LEFT);
        VBox.setVgrow(body, Priority.ALWAYS);

        root.getChildren().addAll(header, message, body);
        model.items().addListener((ListChangeListener<TransferItem>) change -> showRows());
        showRows();
    }

    @Override
    public Parent root() {
        return root;
    }

    /** What Cancel on a row does. */
    public void onCancel(Consumer<TransferItem> action) {
        cancel = action;
    }

    /** What "Open folder" on a row does. */
    public void onOpenFolder(Consumer<TransferItem> action) {
        openFolder = action;
    }

    /** What Resume on a row does. */
    public void onResume(Consumer<TransferItem> action) {
        resume = action;
    }

    /** What "Clear finished" does. */
    public void onClearFinished(Runnable action) {
        clear.setOnAction(e -> action.run());
    }

    /** The row of {@code item}, or null if it is not listed. */
    TransferRow row(TransferItem item) {
        return rowOf.get(item);
    }

    /** Rows in the order of the items, reusing each item's row so its state (details shown) stays. */
    private void showRows() {
        List<TransferItem> items = List.copyOf(model.items());
        rowOf.keySet().retainAll(items);
        rows.getChildren()
                .setAll(items.stream()
                        .map(item -> rowOf.computeIfAbsent(item, this::newRow).root())
                        .toList());
    }

    private TransferRow newRow(TransferItem item) {
        return new TransferRow(item, i -> cancel.accept(i), i -> openFolder.accept(i), i -> resume.accept(i));
    }
}
