package dev.p2pcopy.desktop.transfers;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/** What the Transfers screen shows, as JavaFX properties. */
public final class TransfersModel {
    private final ObservableList<TransferItem> items;
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty anyEnded = new SimpleBooleanProperty();

    /** @param items the transfers of this session, newest first (the service's own list) */
    public TransfersModel(ObservableList<TransferItem> items) {
        this.items = items;
    }

    /** The transfers, newest first. */
    public ObservableList<TransferItem> items() {
        return items;
    }

    /** A problem with the last action (e.g. the folder could not be opened), or empty. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Whether some transfer has ended, so that "Clear finished" has something to clear. */
    public BooleanProperty anyEndedProperty() {
        return anyEnded;
    }
}
