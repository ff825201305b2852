package dev.p2pcopy.desktop.nodes;

import dev.p2pcopy.desktop.app.AppContext;
import dev.p2pcopy.desktop.fx.View;
import dev.p2pcopy.desktop.transfers.TransferItem;
import dev.p2pcopy.protocol.NodeStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The Nodes screen's controller. Once a {@link #TICK} on the FX thread it takes the latest
 * figures that are already at hand (never waiting): this computer's from {@link LocalStats}, the
 * peer's from the running transfer's {@link TransferItem#peerStatsProperty()}, and adds them to
 * the charts. While the screen shows, it probes the relay every {@link #PROBE_INTERVAL} on a
 * thread of its own; hidden, it leaves the relay alone. It stops when the app's {@link
 * LocalStats} is closed. Construct it on the FX thread.
 */
public final class NodesController {
    /** Time between two updates of the screen. */
    static final Duration TICK = Duration.ofSeconds(1);
    /** Time between two probes of the relay while the screen shows. */
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
    /** This computer's charts get a point every this many ticks, like the peer's STATS arrive. */
    private static final int TICKS_PER_POINT = 2;

    private static final ScheduledExecutorService PROBES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "p2p-copy-relay-probe");
        t.setDaemon(true);
        return t;
    });

    private final AppContext context;
    private final NodesModel model = new NodesModel();
    private final NodesView view;
    private final RelayProbe probe = new RelayProbe();
    private final Timeline timeline =
            new Timeline(new KeyFrame(javafx.util.Duration.millis(TICK.toMillis()), e -> tick()));
    private final long startNanos = System.nanoTime();
    private final ObservableValue<Boolean> shown;
    private long ticks;
    private TransferItem watched;
    private NodeStats lastPeerStats;
    private ScheduledFuture<?> probing;
    /** What the probe thread probes; replaced on the FX thread when the settings change. */
    private volatile Probe current;

    /** The controller of the screen, sharing {@code context}. */
    public NodesController(AppContext context) {
        this.context = context;
        this.view = new NodesView(model);
        shown = view.root()
                .sceneProperty()
                .flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty)
                .orElse(false);
        context.settings().relayUrlProperty().addListener(o -> relayChanged());
        context.settings().trustedCertificateProperty().addListener(o -> relayChanged());
        relayChanged();
        shown.addListener((obs, was, is) -> probeWhileShown());
        probeWhileShown();
        tick();
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
    }

    /** The screen. */
    public View view() {
        return view;
    }

    /** The screen's state, for tests. */
    NodesModel model() {
        return model;
    }

    /** Whether the screen still updates or probes the relay. */
    boolean running() {
        return timeline.getStatus() == Animation.Status.RUNNING || probing != null;
    }

    private void tick() {
        if (context.localStats().isClosed()) {
            timeline.stop();
            stopProbing();
            return;
        }
        double now = (System.nanoTime() - startNanos) / 1e9;
        model.windowStartProperty().set(History.windowStart(now));
        model.nowProperty().set(now);
        TransferItem active = context.transfers().items().stream()
                .filter(i -> !i.stateProperty().get().isTerminal())
                .findFirst()
                .orElse(null);
        updateLocal(now, active);
        updatePeer(now, active);
        trim(now);
        ticks++;
    }

    private void updateLocal(double now, TransferItem active) {
        NodeFigures local = model.local();
        double transferRate =
                active == null ? -1 : active.progressProperty().get().bytesPerSecond();
        NodeStats stats = context.localStats().current().withTransferRate(transferRate);
        local.statsProperty().set(stats);
        Path folder = context.diskFolderProperty().get();
        model.diskFolderProperty().set(folder == null ? "" : folder.toString());
        if (ticks % TICKS_PER_POINT == 0) {
            addPoints(local, now, stats);
        }
    }

    private void updatePeer(double now, TransferItem active) {
        NodeFigures peer = model.peer();
        if (active != watched) {
            watched = active;
            lastPeerStats = null;
            clear(peer);
            model.transferTitleProperty().unbind();
            if (active == null) {
                model.transferTitleProperty().set("");
            } else {
                model.transferTitleProperty().bind(active.titleProperty());
            }
        }
        model.transferRunningProperty().set(active != null);
        NodeStats stats = active == null ? null : active.peerStatsProperty().get();
        peer.statsProperty().set(stats);
        if (stats != null && stats != lastPeerStats) { // a new STATS, every two seconds or so
            lastPeerStats = stats;
            addPoints(peer, now, stats);
        }
    }

    private static void addPoints(NodeFigures figures, double now, NodeStats stats) {
        History.add(figures.cpuPercent(), now, stats.cpuLoad() < 0 ? -1 : stats.cpuLoad() * 100);
        History.add(figures.netIn(), now, stats.netReceiveBytesPerSecond());
        History.add(figures.netOut(), now, stats.netSendBytesPerSecond());
        History.add(figures.transfer(), now, stats.transferBytesPerSecond());
    }

    private void trim(double now) {
        for (NodeFigures f : new NodeFigures[] {model.local(), model.peer()}) {
            History.trim(f.cpuPercent(), now);
            History.trim(f.netIn(), now);
            History.trim(f.netOut(), now);
            History.trim(f.transfer(), now);
            f.rateCeilingProperty().set(History.ceiling(History.MIN_RATE_CEILING, f.netIn(), f.netOut(), f.transfer()));
        }
        RelayFigures relay = model.relay();
        History.trim(relay.throughput(), now);
        History.trim(relay.latency(), now);
        relay.throughputCeilingProperty().set(History.ceiling(History.MIN_RATE_CEILING, relay.throughput()));
        relay.latencyCeilingProperty().set(History.ceiling(History.MIN_LATENCY_CEILING, relay.latency()));
    }

    private static void clear(NodeFigures figures) {
        figures.cpuPercent().clear();
        figures.netIn().clear();
        figures.netOut().clear();
        figures.transfer().clear();
    }

    // ---- the relay ----

    /** The settings changed: watch the relay they name from now on, with a fresh history. */
    private void relayChanged() {
        RelayTarget target =
                RelayTarget.resolve(context.settings().relayUrlProperty().get(), context.relayPolicy());
        String certificate = context.settings().trustedCertificateProperty().get();
        current = new Probe(target, certificate == null ? "" : certificate);
        RelayFigures relay = model.relay();
        relay.addressProperty().set(target.label());
        relay.statusProperty().set(null);
        relay.throughput().clear();
        relay.latency().clear();
        if (probing != null) {
            stopProbing();
            probeWhileShown();
        }
    }

    private void probeWhileShown() {
        boolean show = shown.getValue() && !context.localStats().isClosed();
        if (show && probing == null) {
            probing =
                    PROBES.scheduleWithFixedDelay(this::probeOnce, 0, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        } else if (!show) {
            stopProbing();
        }
    }

    private void stopProbing() {
        if (probing != null) {
            probing.cancel(false);
            probing = null;
        }
    }

    /** On the probe thread. */
    private void probeOnce() {
        Probe asked = current;
        RelayStatus status = probe.probe(asked.target(), asked.certificate());
        Platform.runLater(() -> {
            if (asked == current) { // else the settings changed meanwhile: this answer is of another relay
                showRelay(status);
            }
        });
    }

    private void showRelay(RelayStatus status) {
        RelayFigures relay = model.relay();
        relay.statusProperty().set(status);
        if (status.reachable()) {
            double now = model.nowProperty().get();
            History.add(relay.throughput(), now, status.bytesPerSecond());
            History.add(relay.latency(), now, status.latencyMillis());
            relay.throughputCeilingProperty().set(History.ceiling(History.MIN_RATE_CEILING, relay.throughput()));
            relay.latencyCeilingProperty().set(History.ceiling(History.MIN_LATENCY_CEILING, relay.latency()));
        }
    }

    /** One relay to probe, as the settings named it. */
    private record Probe(RelayTarget target, String certificate) {}
}
