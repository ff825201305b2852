package dev.p2pcopy.desktop.receive;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What the Receive screen shows, as JavaFX properties; touched only on the FX thread. */
public final class ReceiveModel {
    /** Where the screen is in its life. */
    public enum Phase {
        /** Nothing started yet, or the user asked to receive more. */
        IDLE,
        /** A transfer runs. */
        RUNNING,
        /** The last transfer arrived complete. */
        RECEIVED,
        /** The last transfer failed, was declined or cancelled. */
        FAILED
    }

    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty codeError = new SimpleStringProperty("");
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final BooleanProperty progressVisible = new SimpleBooleanProperty();
    private final StringProperty figures = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");

    /** The code as typed or pasted. */
    public StringProperty codeProperty() {
        return code;
    }

    /** Why the typed code cannot be used, in one sentence; empty when there is nothing to say. */
    public StringProperty codeErrorProperty() {
        return codeError;
    }

    /** Where this receive saves the files. */
    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    /** Idle, running, received or failed. */
    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    /** What arrives, once the sender's offer is known. */
    public StringProperty titleProperty() {
        return title;
    }

    /** The state in words ("Waiting for the sender…"), or why it failed. */
    public StringProperty statusProperty() {
        return status;
    }

    /** The fraction verified, in [0, 1], or -1 while unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** Whether the progress bar shows. */
    public BooleanProperty progressVisibleProperty() {
        return progressVisible;
    }

    /** Verified bytes, rate and time left, e.g. "12.0 MiB of 40.0 MiB · 31.5 MB/s · 1 s left". */
    public StringProperty figuresProperty() {
        return figures;
    }

    /** A side remark about an action, e.g. that the folder could not be opened; empty for none. */
    public StringProperty noticeProperty() {
        return notice;
    }
}
