package dev.p2pcopy.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.send.DropZone;
import dev.p2pcopy.desktop.testing.LoopbackRelay;
import dev.p2pcopy.desktop.testing.Png;
import dev.p2pcopy.desktop.testing.SlowProxy;
import dev.p2pcopy.desktop.testing.TestApp;
import dev.p2pcopy.desktop.testing.TestFiles;
import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.desktop.transfers.TransferItem;
import dev.p2pcopy.protocol.TransferState;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders every screen, light and dark, to PNGs for the docs: a real transfer between two app
 * windows through a relay slowed down by {@link SlowProxy}, so that "mid-transfer" is real.
 * Runs only when asked: {@code mvn -pl app-desktop test -Dtest=ScreenshotsTool
 * -Dscreenshots.dir=$PWD/docs/images}.
 */
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
@ExtendWith(ApplicationExtension.class)
@Timeout(300)
class ScreenshotsTool {
    private static final long MIB = 1024 * 1024;

    @RegisterExtension
    static final LoopbackRelay RELAY = new LoopbackRelay();

    /** A short, stable folder: its paths show in the pictures. */
    private static final Path HOME = Path.of(System.getProperty("java.io.tmpdir"), "p2p-copy-screens");

    private final Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    @Test
    void renderEveryScreen(FxRobot robot) throws Exception {
        deleteTree(HOME);
        try (SlowProxy proxy = new SlowProxy(RELAY.url(), 3 * MIB)) {
            TestApp alice = new TestApp(proxy.url(), HOME.resolve("alice"));
            TestApp bob = new TestApp(proxy.url(), HOME.resolve("bob"));
            List<File> offer = sampleFiles(HOME.resolve("alice").resolve("Documents"));
            Stage[] stages = new Stage[2];
            robot.interact(() -> {
                stages[0] = window(alice, "Alice");
                stages[1] = window(bob, "Bob");
            });
            Stage a = stages[0];
            Stage b = stages[1];

            // Send: the files, then the code.
            robot.interact(() -> ((DropZone) a.getScene().lookup("#send-drop-zone")).accept(offer));
            waitFor(() -> !((Button) a.getScene().lookup("#send-start")).isDisabled(), "the file list");
            waitFor(() -> !a.getScene().lookup("#send-summary").toString().contains("counting"), "the sizes");
            shoot(robot, alice, a.getScene(), "send-files");
            robot.interact(() -> ((Button) a.getScene().lookup("#send-start")).fire());
            TransferItem sending = alice.context.transfers().items().get(0);
            waitFor(() -> !sending.codeProperty().get().isEmpty(), "the code");
            WaitForAsyncUtils.waitForFxEvents();
            shoot(robot, alice, a.getScene(), "send-code");
            robot.interact(() -> Png.write(a.getScene(), 2.0, out.resolve("send-code-light-200.png")));

            // Receive: the code, then the accept dialog.
            robot.interact(() -> {
                bob.context.screenProperty().set(Screen.RECEIVE);
                ((TextField) b.getScene().lookup("#receive-code"))
                        .setText(sending.codeProperty().get());
                ((Button) b.getScene().lookup("#receive-start")).fire();
            });
            waitFor(() -> robot.lookup("#accept-dialog").tryQuery().isPresent(), "the accept dialog");
            WaitForAsyncUtils.waitForFxEvents();
            DialogPane dialog = robot.lookup("#accept-dialog").queryAs(DialogPane.class);
            shoot(robot, bob, dialog.getScene(), "receive-accept");
            robot.interact(
                    () -> robot.lookup("#accept-dialog-accept").queryButton().fire());

            // Mid-transfer: Transfers and Nodes on the receiving side, once the peer's figures are in.
            TransferItem receiving = bob.context.transfers().items().get(0);
            waitFor(
                    () -> receiving.progressProperty().get().totalBytes() > 0
                            && receiving.progressProperty().get().fraction() > 0.3
                            && receiving.peerStatsProperty().get() != null,
                    "a third of the transfer");
            proxy.rate(512 * 1024); // slow it mid-way while the charts fill
            robot.interact(() -> bob.context.screenProperty().set(Screen.TRANSFERS));
            waitFor(() -> receiving.progressProperty().get().bytesPerSecond() > 0, "a rate");
            shoot(robot, bob, b.getScene(), "transfers");
            robot.interact(() -> {
                bob.context.screenProperty().set(Screen.NODES);
                b.setHeight(980); // all three panels
            });
            waitFor(() -> chartPoints(b.getScene()) >= 20, "the charts to fill");
            shoot(robot, bob, b.getScene(), "nodes");
            robot.interact(() -> {
                b.setHeight(700);
                bob.context.screenProperty().set(Screen.SETTINGS);
            });
            shoot(robot, bob, b.getScene(), "settings");

            proxy.rate(64 * MIB);
            waitFor(() -> receiving.stateProperty().get() == TransferState.DONE, "the end of the transfer");
            assertThat(TestFiles.sha256(HOME.resolve("bob/Downloads/report.pdf")))
                    .isEqualTo(TestFiles.sha256(HOME.resolve("alice/Documents/report.pdf")));
            robot.interact(() -> {
                alice.context.close();
                bob.context.close();
                a.close();
                b.close();
            });
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Stage window(TestApp app, String who) {
        Stage stage = new Stage();
        new MainWindow(app.context).showOn(stage);
        stage.setWidth(1000);
        stage.setHeight(700);
        return stage;
    }

    /** The scene in both themes; the light one is left on. */
    private void shoot(FxRobot robot, TestApp app, Scene scene, String name) {
        for (Theme theme : new Theme[] {Theme.DARK, Theme.LIGHT}) {
            robot.interact(() -> {
                app.context.settings().themeProperty().set(theme);
                if (scene.getRoot() instanceof DialogPane pane) {
                    theme.applyTo(pane); // a dialog takes the theme when it opens
                }
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> Png.write(
                    scene, 1.0, out.resolve(name + "-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png")));
        }
    }

    /** The most points in any series of the screen's charts. */
    private static int chartPoints(Scene scene) {
        return scene.getRoot().lookupAll(".chart").stream()
                .filter(n -> n instanceof LineChart<?, ?>)
                .flatMap(n -> ((LineChart<?, ?>) n).getData().stream())
                .mapToInt(series -> series.getData().size())
                .max()
                .orElse(0);
    }

    private static List<File> sampleFiles(Path dir) throws Exception {
        Path photos = Files.createDirectories(dir.resolve("holiday-photos"));
        for (int i = 1; i <= 12; i++) {
            TestFiles.randomFile(photos.resolve(String.format("IMG_%04d.jpg", 2040 + i)), (2 + i % 4) * MIB);
        }
        TestFiles.randomFile(dir.resolve("report.pdf"), 3 * MIB + 123_456);
        Files.writeString(dir.resolve("notes.txt"), "Shopping list: bread, coffee, a new USB stick.\n");
        return List.of(
                photos.toFile(),
                dir.resolve("report.pdf").toFile(),
                dir.resolve("notes.txt").toFile());
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            try {
                return condition.call();
            } catch (RuntimeException e) {
                return false;
            }
        });
    }
}
