package dev.p2pcopy.desktop.nodes;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Nodes screen's state: this computer, the peer of the running transfer, and the relay. */
final class NodesModel {
    private final DoubleProperty now = new SimpleDoubleProperty();
    private final DoubleProperty windowStart = new SimpleDoubleProperty();
    private final NodeFigures local = new NodeFigures();
    private final NodeFigures peer = new NodeFigures();
    private final BooleanProperty transferRunning = new SimpleBooleanProperty();
    private final StringProperty transferTitle = new SimpleStringProperty("");
    private final StringProperty diskFolder = new SimpleStringProperty("");
    private final RelayFigures relay = new RelayFigures();

    /** Seconds since the screen started: the x of the newest points, the right edge of every chart. */
    DoubleProperty nowProperty() {
        return now;
    }

    /** The left edge of every chart, in the seconds of {@link #nowProperty()}. */
    DoubleProperty windowStartProperty() {
        return windowStart;
    }

    /** This computer. */
    NodeFigures local() {
        return local;
    }

    /** The peer of the running transfer; its figures are null until its first STATS arrived. */
    NodeFigures peer() {
        return peer;
    }

    /** Whether a transfer runs, whose peer the peer panel shows. */
    BooleanProperty transferRunningProperty() {
        return transferRunning;
    }

    /** The running transfer's title; empty when none runs. */
    StringProperty transferTitleProperty() {
        return transferTitle;
    }

    /** The folder whose disk's free space this computer's panel shows. */
    StringProperty diskFolderProperty() {
        return diskFolder;
    }

    /** The configured relay. */
    RelayFigures relay() {
        return relay;
    }
}
