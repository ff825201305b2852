package dev.p2pcopy.desktop.nodes;

import dev.p2pcopy.protocol.NodeStats;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * One computer's panel on the Nodes screen: its latest figures and their recent history, x being
 * {@link NodesModel#nowProperty()}'s seconds. Properties only; touch on the FX thread.
 */
final class NodeFigures {
    private final ObjectProperty<NodeStats> stats = new SimpleObjectProperty<>();
    private final ObservableList<XYChart.Data<Number, Number>> cpuPercent = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> netIn = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> netOut = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> transfer = FXCollections.observableArrayList();
    private final DoubleProperty rateCeiling = new SimpleDoubleProperty(History.MIN_RATE_CEILING);

    /** The latest figures, the transfer rate filled in; null before any arrived. */
    ObjectProperty<NodeStats> statsProperty() {
        return stats;
    }

    /** CPU load in percent over time. */
    ObservableList<XYChart.Data<Number, Number>> cpuPercent() {
        return cpuPercent;
    }

    /** Network receive rate in bytes per second over time. */
    ObservableList<XYChart.Data<Number, Number>> netIn() {
        return netIn;
    }

    /** Network send rate in bytes per second over time. */
    ObservableList<XYChart.Data<Number, Number>> netOut() {
        return netOut;
    }

    /** The transfer's rate in bytes per second over time. */
    ObservableList<XYChart.Data<Number, Number>> transfer() {
        return transfer;
    }

    /** The top of the rates chart: a round figure above every rate shown. */
    DoubleProperty rateCeilingProperty() {
        return rateCeiling;
    }
}
