package dev.p2pcopy.desktop.send;

import java.io.File;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;

/**
 * A large area that takes files and folders dragged onto it from the system's file manager (or
 * from anywhere that puts files on the drag board). It highlights itself with the style class
 * {@code drag-over} while files hover over it, and hands what is dropped to its consumer.
 */
public final class DropZone extends VBox {
    /** The style class added while files are dragged over the zone. */
    public static final String DRAG_OVER = "drag-over";

    private final Consumer<List<File>> onFiles;

    /** A zone that hands dropped files and folders to {@code onFiles}, on the FX thread. */
    public DropZone(Consumer<List<File>> onFiles) {
        this.onFiles = Objects.requireNonNull(onFiles, "onFiles");
        getStyleClass().add("drop-zone");
        setFocusTraversable(true);
        addEventHandler(DragEvent.DRAG_OVER, this::dragOver);
        addEventHandler(DragEvent.DRAG_ENTERED, this::dragEntered);
        addEventHandler(DragEvent.DRAG_EXITED, this::dragExited);
        addEventHandler(DragEvent.DRAG_DROPPED, this::dropped);
    }

    /** Takes {@code files} as if they had been dropped; what the drop handler calls. */
    public void accept(List<File> files) {
        if (!files.isEmpty()) {
            onFiles.accept(List.copyOf(files));
        }
    }

    private void dragOver(DragEvent event) {
        if (event.getGestureSource() != this && event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dragEntered(DragEvent event) {
        if (event.getDragboard().hasFiles() && !getStyleClass().contains(DRAG_OVER)) {
            getStyleClass().add(DRAG_OVER);
        }
        event.consume();
    }

    private void dragExited(DragEvent event) {
        getStyleClass().remove(DRAG_OVER);
        event.consume();
    }

    private void dropped(DragEvent event) {
        Dragboard board = event.getDragboard();
        boolean taken = board.hasFiles();
        if (taken) {
            accept(board.getFiles());
        }
        getStyleClass().remove(DRAG_OVER);
        event.setDropCompleted(taken);
        event.consume();
    }
}
