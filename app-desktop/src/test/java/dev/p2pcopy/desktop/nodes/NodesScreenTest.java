package dev.p2pcopy.desktop.nodes;

import static dev.p2pcopy.desktop.testing.Fx.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.Await;
import dev.p2pcopy.desktop.testing.Fx;
import dev.p2pcopy.desktop.testing.LoopbackRelay;
import dev.p2pcopy.desktop.testing.Ports;
import dev.p2pcopy.desktop.testing.TestApp;
import dev.p2pcopy.desktop.testing.TestFiles;
import dev.p2pcopy.desktop.transfers.TransferItem;
import dev.p2pcopy.protocol.NodeStats;
import dev.p2pcopy.protocol.P2pCopy;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.Transfer;
import dev.p2pcopy.protocol.TransferState;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Nodes screen with this computer's real figures, a real relay and a real peer. */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class NodesScreenTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long GIB = 1L << 30;
    /** Figures no real computer reports at once, so that seeing them proves they came from the peer. */
    static final NodeStats PEER = new NodeStats(0.42, 3 * GIB, 12 * GIB, 777 * GIB, 12_345_678, 2_345_678, -1);

    /** The screen's part of a window at its minimum size, beside the navigation column. */
    static final double WIDTH = 630;

    static final double HEIGHT = 560;

    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    @TempDir
    Path home;

    private TestApp app;
    private NodesController controller;

    @Start
    void start(Stage stage) throws Exception {
        app = new TestApp(relay.url(), home);
        controller = new NodesController(app.context);
        app.show(stage, controller.view().root(), WIDTH, HEIGHT);
    }

    @AfterEach
    void close() {
        app.context.close();
    }

    @Test
    void showsThisComputersFiguresAndChartsThem(FxRobot robot) throws Exception {
        Await.until(() -> text(robot, "#local-cpu").matches("\\d{1,3} %"), WAIT, "a CPU load");
        assertThat(text(robot, "#local-memory")).matches("[0-9.]+( \\S?i?B)? / [0-9.]+ \\S?i?B");
        assertThat(text(robot, "#local-disk")).matches("[0-9.]+ \\S?i?B");
        assertThat(text(robot, "#local-net-in")).endsWith("B/s");
        assertThat(text(robot, "#local-transfer")).as("no transfer runs").isEqualTo(Figures.UNKNOWN);
        NodeStats shown = fx(() -> controller.model().local().statsProperty().get());
        assertThat(shown.memoryTotalBytes()).isPositive();
        assertThat(shown.memoryUsedBytes()).isPositive();

        NodeFigures local = controller.model().local();
        Await.until(() -> fx(() -> local.cpuPercent().size() >= 2), WAIT, "two points on the CPU chart");
        assertThat(fx(() -> local.netIn().size())).isGreaterThanOrEqualTo(2);
        LineChart<?, ?> cpu = robot.lookup("#local-cpu-chart").queryAs(LineChart.class);
        assertThat(fx(() -> cpu.isVisible() && cpu.getHeight() > 100)).isTrue();
        assertThat(fx(() -> cpu.getData().get(0).getData().size())).isGreaterThanOrEqualTo(2);
        assertThat(text(robot, "#peer-placeholder")).startsWith("No transfer running");
        assertThat(shown(robot, "#peer-placeholder")).isTrue();
        assertThat(shown(robot, "#peer-cpu")).isFalse();
        assertNothingClipped(robot);
    }

    @Test
    void showsTheRelaysStatisticsAndWhenItIsNotReachable(FxRobot robot) throws Exception {
        Await.until(() -> text(robot, "#relay-status").equals("Reachable"), WAIT, "the relay's answer");
        assertThat(text(robot, "#relay-address")).isEqualTo(relay.url());
        assertThat(text(robot, "#relay-waiting")).isEqualTo("0");
        assertThat(text(robot, "#relay-paired")).isEqualTo("0");
        assertThat(text(robot, "#relay-latency")).matches("\\d+ ms");
        assertThat(text(robot, "#relay-version")).isNotEqualTo(Figures.UNKNOWN);
        assertThat(text(robot, "#relay-throughput")).endsWith("B/s");
        assertThat(fx(() -> robot.lookup("#relay-status").query().getStyleClass()))
                .contains("success-text");

        int port = Ports.free();
        robot.interact(() -> app.context.settings().relayUrlProperty().set("ws://127.0.0.1:" + port));
        Await.until(() -> text(robot, "#relay-status").startsWith("Not reachable"), WAIT, "the probe of a closed port");
        assertThat(text(robot, "#relay-status")).isEqualTo("Not reachable: Nothing answers at 127.0.0.1:" + port + ".");
        assertThat(fx(() -> robot.lookup("#relay-status").query().getStyleClass()))
                .contains("error-text");
        assertThat(shown(robot, "#relay-latency")).isFalse();
        assertThat(fx(() -> controller.model().relay().latency().isEmpty()))
                .as("a new relay, a new history")
                .isTrue();
    }

    @Test
    void showsThePeersFiguresDuringATransfer(FxRobot robot) throws Exception {
        Path file = TestFiles.randomFile(
                Files.createDirectories(home.resolve("src")).resolve("data.bin"), 2_000_000);
        Transfer sender = P2pCopy.send(
                List.of(file),
                SendOptions.builder(URI.create(relay.url()))
                        .statsSource(() -> PEER)
                        .build());
        String code = sender.code().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        // The receiver holds the offer until the peer's figures are on screen, so the transfer
        // lasts exactly as long as the test needs it.
        CompletableFuture<Boolean> decision = new CompletableFuture<>();
        TransferItem item = fx(() -> app.context.transfers().receive(code, app.downloads, manifest -> decision));

        Await.until(() -> text(robot, "#peer-cpu").equals("42 %"), WAIT, "the peer's CPU load on screen");
        assertThat(text(robot, "#peer-memory")).isEqualTo("3.0 / 12.0 GiB");
        assertThat(text(robot, "#peer-disk")).isEqualTo("777 GiB");
        assertThat(text(robot, "#peer-net-in")).isEqualTo("12.3 MB/s");
        assertThat(text(robot, "#peer-net-out")).isEqualTo("2.3 MB/s");
        assertThat(text(robot, "#peer-transfer")).as("the sender's own rate").endsWith("B/s");
        assertThat(shown(robot, "#peer-placeholder")).isFalse();
        assertThat(text(robot, "#local-transfer"))
                .as("this side's rate while the offer waits")
                .endsWith("B/s");
        NodeFigures peer = controller.model().peer();
        Await.until(() -> fx(() -> peer.cpuPercent().size() >= 2), WAIT, "two STATS on the peer's chart");
        assertThat(fx(() -> peer.cpuPercent().get(0).getYValue().doubleValue())).isEqualTo(42.0);
        assertThat(shown(robot, "#peer-cpu-chart")).isTrue();
        Await.until(() -> text(robot, "#relay-paired").equals("1"), WAIT, "the relay counting the pairing");
        assertNothingClipped(robot);

        decision.complete(true);
        sender.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Await.until(() -> fx(() -> item.stateProperty().get()) == TransferState.DONE, WAIT, "the receiver to finish");
        Await.until(() -> shown(robot, "#peer-placeholder"), WAIT, "the peer panel to rest");
        assertThat(fx(() -> peer.cpuPercent().isEmpty())).isTrue();
        assertThat(TestFiles.sha256(app.downloads.resolve("data.bin"))).isEqualTo(TestFiles.sha256(file));
    }

    @Test
    void stopsWithTheApp(FxRobot robot) throws Exception {
        Await.until(() -> text(robot, "#relay-status").equals("Reachable"), WAIT, "the relay's answer");
        assertThat(fx(controller::running)).isTrue();
        app.context.close();
        Await.until(() -> fx(() -> !controller.running()), WAIT, "the screen to stop ticking and probing");
    }

    /** No figure is cut short: every value label has at least the width its text needs. */
    static void assertNothingClipped(FxRobot robot) throws Exception {
        for (Node node : robot.lookup(".metric-value").queryAll()) {
            Label label = (Label) node;
            if (shown(robot, "#" + label.getId())) {
                // Both widths at one moment, laid out: the figures change every second, and a
                // text newer than the last layout pass needs a width it has not been given yet.
                double[] widths = fx(() -> {
                    Parent root = label.getScene().getRoot();
                    root.applyCss();
                    root.layout();
                    return new double[] {label.getWidth(), label.prefWidth(-1)};
                });
                assertThat(widths[0]).as("width of %s", label.getId()).isGreaterThanOrEqualTo(widths[1] - 0.5);
            }
        }
    }

    /** Whether the node and everything around it is visible. */
    static boolean shown(FxRobot robot, String query) throws Exception {
        Node node = robot.lookup(query).query();
        return fx(() -> Fx.shown(node));
    }

    static String text(FxRobot robot, String query) throws Exception {
        Label label = robot.lookup(query).queryAs(Label.class);
        return fx(label::getText);
    }
}
