package dev.p2pcopy.desktop.nodes;

import static dev.p2pcopy.desktop.testing.Fx.fx;

import dev.p2pcopy.desktop.app.MainWindow;
import dev.p2pcopy.desktop.app.Screen;
import dev.p2pcopy.desktop.testing.Await;
import dev.p2pcopy.desktop.testing.LoopbackRelay;
import dev.p2pcopy.desktop.testing.Png;
import dev.p2pcopy.desktop.testing.Ports;
import dev.p2pcopy.desktop.testing.TestApp;
import dev.p2pcopy.desktop.testing.TestFiles;
import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.protocol.NodeStats;
import dev.p2pcopy.protocol.P2pCopy;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.Transfer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the Nodes screen during a transfer, light and dark, at the window's minimum size and
 * at its usual size, to PNGs in the folder of {@code -Dscreens.dir=DIR}, to look at. Runs only
 * with that property.
 */
@EnabledIfSystemProperty(named = Png.DIR_PROPERTY, matches = ".+")
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class NodesPicturesTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    @TempDir
    Path home;

    private TestApp app;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        app = new TestApp(relay.url(), home);
        app.context.screenProperty().set(Screen.NODES);
        window = new MainWindow(app.context);
        window.showOn(stage);
    }

    @AfterEach
    void close() {
        app.context.close();
    }

    @Test
    void render() throws Exception {
        Path file = TestFiles.randomFile(
                Files.createDirectories(home.resolve("src")).resolve("holiday-photos.zip"), 3_000_000);
        long start = System.nanoTime();
        Transfer sender = P2pCopy.send(
                List.of(file),
                SendOptions.builder(URI.create(relay.url()))
                        .statsSource(() -> lively(start))
                        .build());
        String code = sender.code().get(30, TimeUnit.SECONDS);
        CompletableFuture<Boolean> decision = new CompletableFuture<>();
        fx(() -> app.context.transfers().receive(code, app.downloads, manifest -> decision));
        Await.until(
                () -> fx(() -> points("#peer-cpu-chart") >= 4
                        && points("#local-cpu-chart") >= 4
                        && points("#relay-latency-chart") >= 2),
                WAIT,
                "lines on every chart");
        Path out = Png.dir().orElseThrow();
        for (Theme theme : Theme.values()) {
            for (double[] size : new double[][] {{MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT}, {1000, 700}}) {
                fx(() -> {
                    app.context.settings().themeProperty().set(theme);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    return null;
                });
                fx(() -> null); // one more pulse, so that layout and CSS have settled
                String name =
                        "nodes-" + theme.name().toLowerCase() + "-" + (int) size[0] + "x" + (int) size[1] + ".png";
                fx(() -> {
                    Png.write(window.scene(), out.resolve(name));
                    return null;
                });
            }
        }
        writeWholeScreen(out, "all"); // scrolled parts included
        decision.complete(false);
    }

    @Test
    void renderIdleWithoutRelay() throws Exception {
        int port = Ports.free();
        fx(() -> {
            app.context.settings().relayUrlProperty().set("ws://127.0.0.1:" + port);
            stage.setWidth(MainWindow.MIN_WIDTH);
            stage.setHeight(MainWindow.MIN_HEIGHT);
            return null;
        });
        Await.until(
                () -> fx(() -> ((Label) window.scene().lookup("#relay-status"))
                        .getText()
                        .startsWith("Not reachable")),
                WAIT,
                "the relay's status");
        Await.until(() -> fx(() -> points("#local-cpu-chart") >= 3), WAIT, "a line on the CPU chart");
        writeWholeScreen(Png.dir().orElseThrow(), "idle");
    }

    /** Writes the screen's whole content, scrolled parts included, in each theme. */
    private void writeWholeScreen(Path out, String state) throws Exception {
        Node content = ((ScrollPane) window.view(Screen.NODES).root()).getContent();
        for (Theme theme : Theme.values()) {
            fx(() -> {
                app.context.settings().themeProperty().set(theme);
                return null;
            });
            fx(() -> Png.write(content, out.resolve("nodes-" + theme.name().toLowerCase() + "-" + state + ".png")));
        }
    }

    /** The points of the first line of a chart. */
    private int points(String id) {
        LineChart<?, ?> chart = (LineChart<?, ?>) window.scene().lookup(id);
        return chart.getData().get(0).getData().size();
    }

    /** Figures that move like a busy computer's. */
    private static NodeStats lively(long start) {
        double t = (System.nanoTime() - start) / 1e9;
        return new NodeStats(
                0.35 + 0.25 * Math.sin(t / 3),
                6_800_000_000L,
                16_000_000_000L,
                412_000_000_000L,
                1_200_000 + 800_000 * Math.cos(t / 2),
                48_000_000 + 20_000_000 * Math.sin(t / 2),
                -1);
    }
}
