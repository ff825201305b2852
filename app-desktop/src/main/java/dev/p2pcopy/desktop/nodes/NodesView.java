package dev.p2pcopy.desktop.nodes;

import dev.p2pcopy.desktop.format.Units;
import dev.p2pcopy.desktop.fx.View;
import dev.p2pcopy.protocol.NodeStats;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Nodes screen: a panel for this computer, one for the peer of the running transfer and one
 * for the relay, each with its current figures and small live charts, in a scroll pane so that
 * it fits any window. Lays out and binds to {@link NodesModel}; nothing else.
 */
final class NodesView implements View {
    private static final String TIME_WINDOW =
            "Charts show up to the last " + (int) (History.WINDOW_SECONDS / 60) + " minutes.";

    private final NodesModel model;
    private final ScrollPane root;

    NodesView(NodesModel model) {
        this.model = model;
        Label title = new Label("Nodes");
        title.getStyleClass().add("screen-title");
        Label intro = new Label("This computer, the peer while a transfer runs, and the relay. " + TIME_WINDOW);
        intro.getStyleClass().add("muted");
        intro.setWrapText(true);
        VBox screen = new VBox(title, intro, localPanel(), peerPanel(), relayPanel());
        screen.getStyleClass().addAll("screen", "nodes-screen");
        root = new ScrollPane(screen);
        root.setId("nodes-screen");
        root.getStyleClass().add("nodes-scroll");
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    }

    @Override
    public Parent root() {
        return root;
    }

    private VBox localPanel() {
        NodeFigures local = model.local();
        StringBinding diskTip = Bindings.createStringBinding(
                () -> "Free space on the disk of " + model.diskFolderProperty().get()
                        + " (where the running transfer reads or writes; the download folder otherwise)",
                model.diskFolderProperty());
        FlowPane metrics = metrics(nodeMetrics("local", local.statsProperty(), diskTip));
        HBox charts = nodeCharts("local", local, new SimpleBooleanProperty(true));
        return panel("local-panel", header("This computer", null), metrics, charts);
    }

    private VBox peerPanel() {
        NodeFigures peer = model.peer();
        ObservableBooleanValue running = model.transferRunningProperty();
        BooleanBinding hasFigures =
                model.transferRunningProperty().and(peer.statsProperty().isNotNull());
        Label idle = new Label("No transfer running — the peer's figures appear here during a transfer.");
        idle.setId("peer-placeholder");
        Label waiting = new Label("Waiting for the peer's figures: they arrive every two seconds once both"
                + " sides are connected, if the peer shares them.");
        waiting.setId("peer-waiting");
        for (Label l : new Label[] {idle, waiting}) {
            l.getStyleClass().add("muted");
            l.setWrapText(true);
        }
        showWhen(idle, Bindings.not(running));
        showWhen(waiting, Bindings.and(running, peer.statsProperty().isNull()));
        FlowPane metrics = metrics(nodeMetrics(
                "peer",
                peer.statsProperty(),
                Bindings.createStringBinding(() -> "Free space where the peer reads or writes the files")));
        showWhen(metrics, hasFigures);
        HBox charts = nodeCharts("peer", peer, hasFigures);
        Label transfer = new Label();
        transfer.textProperty().bind(model.transferTitleProperty());
        return panel("peer-panel", header("Peer", transfer), idle, waiting, metrics, charts);
    }

    private VBox relayPanel() {
        RelayFigures relay = model.relay();
        ObjectProperty<RelayStatus> status = relay.statusProperty();
        Label address = new Label();
        address.setId("relay-address");
        address.textProperty().bind(relay.addressProperty());
        Label state = new Label();
        state.setId("relay-status");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.createStringBinding(() -> statusText(status.get()), status));
        status.addListener((obs, old, now) -> styleStatus(state, now));
        styleStatus(state, status.get());
        FlowPane metrics = metrics(
                metric(
                        "Latency",
                        "relay-latency",
                        relayText(status, s -> Figures.millis(s.latencyMillis())),
                        "How long a request to the relay took, connection included"),
                metric(
                        "Version",
                        "relay-version",
                        relayText(status, s -> s.version().isEmpty() ? Figures.UNKNOWN : s.version()),
                        null),
                metric(
                        "Waiting rooms",
                        "relay-waiting",
                        relayText(status, s -> Figures.count(s.roomsWaiting())),
                        "Rooms where one side waits for the other"),
                metric(
                        "Paired rooms",
                        "relay-paired",
                        relayText(status, s -> Figures.count(s.roomsPaired())),
                        "Rooms where both sides are connected"),
                metric(
                        "Throughput",
                        "relay-throughput",
                        relayText(status, s -> Figures.rate(s.bytesPerSecond())),
                        "Bytes the relay forwards per second, over the last few seconds"),
                metric("Running for", "relay-uptime", relayText(status, s -> Figures.uptime(s.uptimeSeconds())), null));
        showWhen(
                metrics,
                Bindings.createBooleanBinding(
                        () -> status.get() != null && status.get().reachable(), status));
        LineChart<Number, Number> throughput = Charts.chart(
                "relay-throughput-chart",
                model,
                Charts.axis(relay.throughputCeilingProperty(), v -> Units.rate(v.doubleValue())),
                new Charts.Named("Throughput", relay.throughput()));
        throughput.getStyleClass().add("relay-chart");
        LineChart<Number, Number> latency = Charts.chart(
                "relay-latency-chart",
                model,
                Charts.axis(relay.latencyCeilingProperty(), v -> Math.round(v.doubleValue()) + " ms"),
                new Charts.Named("Latency", relay.latency()));
        latency.getStyleClass().add("latency-chart");
        HBox charts = new HBox(10, Charts.headed("Throughput", throughput), Charts.headed("Latency", latency));
        showWhen(charts, Charts.hasLine(relay.throughput(), relay.latency()));
        return panel("relay-panel", header("Relay", address), state, metrics, charts);
    }

    private static Node[] nodeMetrics(String prefix, ObjectProperty<NodeStats> stats, ObservableStringValue diskTip) {
        Node disk = metric("Free disk", prefix + "-disk", text(stats, Figures::disk), null);
        Tooltip.install(disk, tooltip(diskTip));
        return new Node[] {
            metric("CPU", prefix + "-cpu", text(stats, Figures::cpu), "Load of all processors"),
            metric("Memory", prefix + "-memory", text(stats, Figures::memory), "Memory in use of the memory installed"),
            disk,
            metric(
                    "Net in",
                    prefix + "-net-in",
                    text(stats, s -> Figures.rate(s == null ? -1 : s.netReceiveBytesPerSecond())),
                    "Bytes received per second on all network interfaces"),
            metric(
                    "Net out",
                    prefix + "-net-out",
                    text(stats, s -> Figures.rate(s == null ? -1 : s.netSendBytesPerSecond())),
                    "Bytes sent per second on all network interfaces"),
            metric(
                    "Transfer",
                    prefix + "-transfer",
                    text(stats, s -> Figures.rate(s == null ? -1 : s.transferBytesPerSecond())),
                    "The transfer's rate of verified bytes")
        };
    }

    /** CPU and rates of one computer, shown once there is a line to draw and {@code condition} holds. */
    private HBox nodeCharts(String prefix, NodeFigures figures, ObservableBooleanValue condition) {
        LineChart<Number, Number> cpu = Charts.chart(
                prefix + "-cpu-chart", model, Charts.percentAxis(), new Charts.Named("CPU", figures.cpuPercent()));
        cpu.getStyleClass().addAll("cpu-chart", prefix + "-chart");
        LineChart<Number, Number> rates = Charts.chart(
                prefix + "-rates-chart",
                model,
                Charts.axis(figures.rateCeilingProperty(), v -> Units.rate(v.doubleValue())),
                new Charts.Named("In", figures.netIn()),
                new Charts.Named("Out", figures.netOut()),
                new Charts.Named("Transfer", figures.transfer()));
        rates.getStyleClass().add("rates-chart");
        HBox charts = new HBox(10, Charts.headed("CPU", cpu), Charts.withLegend(rates));
        showWhen(
                charts,
                Bindings.and(
                        condition,
                        Charts.hasLine(figures.cpuPercent(), figures.netIn(), figures.netOut(), figures.transfer())));
        return charts;
    }

    private static VBox panel(String id, Node header, Node... content) {
        VBox panel = new VBox(header);
        panel.getChildren().addAll(content);
        panel.setId(id);
        panel.getStyleClass().addAll("chart-panel", "node-panel");
        return panel;
    }

    /** The panel's title, and on the right a muted note that gives way (with an ellipsis) when space is short. */
    private static HBox header(String title, Label note) {
        Label name = new Label(title);
        name.getStyleClass().add("section-title");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(12, name, gap);
        if (note != null) {
            note.getStyleClass().add("muted");
            note.setMinWidth(0);
            header.getChildren().add(note);
        }
        return header;
    }

    private static FlowPane metrics(Node... metrics) {
        FlowPane pane = new FlowPane(metrics);
        pane.getStyleClass().add("nodes-metrics");
        return pane;
    }

    /** A caption over a figure. */
    private static VBox metric(String caption, String id, ObservableStringValue value, String tip) {
        Label name = new Label(caption);
        name.getStyleClass().addAll("muted", "metric-caption");
        Label figure = new Label();
        figure.setId(id);
        figure.getStyleClass().add("metric-value");
        figure.setMinWidth(Region.USE_PREF_SIZE);
        figure.textProperty().bind(value);
        VBox box = new VBox(2, name, figure);
        box.getStyleClass().add("metric");
        if (tip != null) {
            Tooltip.install(box, new Tooltip(tip));
        }
        return box;
    }

    private static Tooltip tooltip(ObservableStringValue text) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text);
        return tip;
    }

    private static StringBinding text(ObjectProperty<NodeStats> stats, Function<NodeStats, String> format) {
        return Bindings.createStringBinding(() -> format.apply(stats.get()), stats);
    }

    private static StringBinding relayText(ObjectProperty<RelayStatus> status, Function<RelayStatus, String> format) {
        return Bindings.createStringBinding(
                () -> status.get() == null || !status.get().reachable() ? Figures.UNKNOWN : format.apply(status.get()),
                status);
    }

    private static String statusText(RelayStatus status) {
        if (status == null) {
            return "Checking the relay…";
        }
        if (!status.reachable()) {
            return "Not reachable: " + status.problem();
        }
        return status.hasStats() ? "Reachable" : "Reachable; this relay publishes no statistics.";
    }

    private static void styleStatus(Label state, RelayStatus status) {
        state.getStyleClass().removeAll("muted", "success-text", "error-text");
        state.getStyleClass().add(status == null ? "muted" : status.reachable() ? "success-text" : "error-text");
    }

    /** Shows {@code node} only when {@code condition} holds, taking no room otherwise. */
    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }
}
