package dev.p2pcopy.desktop.nodes;

import static dev.p2pcopy.desktop.nodes.NodesScreenTest.fx;

import dev.p2pcopy.desktop.app.MainWindow;
import dev.p2pcopy.desktop.app.Screen;
import dev.p2pcopy.desktop.testing.Await;
import dev.p2pcopy.desktop.testing.LoopbackRelay;
import dev.p2pcopy.desktop.testing.TestApp;
import dev.p2pcopy.desktop.testing.TestFiles;
import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.protocol.NodeStats;
import dev.p2pcopy.protocol.P2pCopy;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.Transfer;
import java.awt.image.BufferedImage;
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
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Renders the Nodes screen during a transfer, light and dark, at the window's minimum size and
 * at its usual size, to PNGs in the folder of the system property {@code nodes.pictures} (default
 * the temporary folder). Not a test (surefire does not pick it up); run it with
 * {@code -Dtest=NodesPictures} and look at the pictures.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class NodesPictures {
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
        Path out = Path.of(System.getProperty("nodes.pictures", System.getProperty("java.io.tmpdir")));
        for (Theme theme : Theme.values()) {
            for (double[] size : new double[][] {{MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT}, {1000, 700}}) {
                fx(() -> {
                    app.context.settings().themeProperty().set(theme);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    return null;
                });
                fx(() -> null); // one more pulse, so that layout and CSS have settled
                WritableImage image = fx(() -> window.scene().snapshot(null));
                String name =
                        "nodes-" + theme.name().toLowerCase() + "-" + (int) size[0] + "x" + (int) size[1] + ".png";
                ImageIO.write(toBuffered(image), "png", out.resolve(name).toFile());
            }
        }
        for (Theme theme : Theme.values()) { // the whole screen, scrolled parts included
            fx(() -> {
                app.context.settings().themeProperty().set(theme);
                return null;
            });
            Node content = ((ScrollPane) window.view(Screen.NODES).root()).getContent();
            WritableImage image = fx(() -> content.snapshot(null, null));
            ImageIO.write(
                    toBuffered(image),
                    "png",
                    out.resolve("nodes-" + theme.name().toLowerCase() + "-all.png")
                            .toFile());
        }
        decision.complete(false);
    }

    @Test
    void renderIdleWithoutRelay() throws Exception {
        int port = RelayProbeTest.closedPort();
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
        Path out = Path.of(System.getProperty("nodes.pictures", System.getProperty("java.io.tmpdir")));
        for (Theme theme : Theme.values()) {
            fx(() -> {
                app.context.settings().themeProperty().set(theme);
                return null;
            });
            Node content = ((ScrollPane) window.view(Screen.NODES).root()).getContent();
            WritableImage image = fx(() -> content.snapshot(null, null));
            ImageIO.write(
                    toBuffered(image),
                    "png",
                    out.resolve("nodes-" + theme.name().toLowerCase() + "-idle.png")
                            .toFile());
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

    private static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
