package dev.p2pcopy.desktop.send;

import dev.p2pcopy.desktop.transfers.TransferItem;
import dev.p2pcopy.protocol.TransferState;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ProgressIndicator;

/**
 * The state of the Send screen as JavaFX properties, changed only on the FX thread by {@link
 * SendController} and shown by {@link SendView}.
 */
public final class SendModel {
    private final ObservableList<SendEntry> entries = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final ObjectProperty<SendPhase> phase = new SimpleObjectProperty<>(SendPhase.CHOOSING);
    private final ObjectProperty<TransferItem> item = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final BooleanProperty copied = new SimpleBooleanProperty();
    private final ObjectProperty<TransferState> state = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(ProgressIndicator.INDETERMINATE_PROGRESS);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final StringProperty outcomeDetail = new SimpleStringProperty("");

    /** What will be sent, in the order chosen. */
    public ObservableList<SendEntry> entries() {
        return entries;
    }

    /** The line below the list: how many items, files and bytes, or that counting goes on. */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** Why something dropped or chosen was not added, in one sentence; empty if all was. */
    public StringProperty noticeProperty() {
        return notice;
    }

    /** Choosing, waiting for the receiver, transferring, or ended. */
    public ObjectProperty<SendPhase> phaseProperty() {
        return phase;
    }

    /** The transfer started by Start, or null while choosing. */
    public ObjectProperty<TransferItem> itemProperty() {
        return item;
    }

    /** What is being sent, in a few words. */
    public StringProperty titleProperty() {
        return title;
    }

    /** The code to give to the receiver; empty until the relay has accepted the room. */
    public StringProperty codeProperty() {
        return code;
    }

    /** Whether the code has just been copied to the clipboard. */
    public BooleanProperty copiedProperty() {
        return copied;
    }

    /** The transfer's state, or null while choosing. */
    public ObjectProperty<TransferState> stateProperty() {
        return state;
    }

    /** One line about what happens now, e.g. "Waiting for the receiver…". */
    public StringProperty statusProperty() {
        return status;
    }

    /** Fraction the receiver has verified, or {@link ProgressIndicator#INDETERMINATE_PROGRESS}. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** Verified bytes, rate and time left, e.g. "12.0 MiB of 40.0 MiB · 24.1 MB/s · 2 s left". */
    public StringProperty progressTextProperty() {
        return progressText;
    }

    /** How the transfer ended in one sentence: "Sent", "Cancelled." or why it failed. */
    public StringProperty outcomeProperty() {
        return outcome;
    }

    /** A second line for the outcome, e.g. "3 files, 12.0 MiB in 4.2 s"; may be empty. */
    public StringProperty outcomeDetailProperty() {
        return outcomeDetail;
    }
}
