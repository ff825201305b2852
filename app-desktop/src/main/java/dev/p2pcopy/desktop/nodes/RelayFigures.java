package dev.p2pcopy.desktop.nodes;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The relay's panel on the Nodes screen: which relay, what the last probe found, and the recent
 * history of its throughput and latency. Properties only; touch on the FX thread.
 */
final class RelayFigures {
    private final StringProperty address = new SimpleStringProperty("");
    private final ObjectProperty<RelayStatus> status = new SimpleObjectProperty<>();
    private final ObservableList<XYChart.Data<Number, Number>> throughput = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> latency = FXCollections.observableArrayList();
    private final DoubleProperty throughputCeiling = new SimpleDoubleProperty(History.MIN_RATE_CEILING);
    private final DoubleProperty latencyCeiling = new SimpleDoubleProperty(History.MIN_LATENCY_CEILING);

    /** The relay's address as shown. */
    StringProperty addressProperty() {
        return address;
    }

    /** What the last probe found; null before the first answer. */
    ObjectProperty<RelayStatus> statusProperty() {
        return status;
    }

    /** Bytes per second the relay forwards, over time. */
    ObservableList<XYChart.Data<Number, Number>> throughput() {
        return throughput;
    }

    /** Milliseconds a probe took, over time. */
    ObservableList<XYChart.Data<Number, Number>> latency() {
        return latency;
    }

    /** The top of the throughput chart. */
    DoubleProperty throughputCeilingProperty() {
        return throughputCeiling;
    }

    /** The top of the latency chart. */
    DoubleProperty latencyCeilingProperty() {
        return latencyCeiling;
    }
}
