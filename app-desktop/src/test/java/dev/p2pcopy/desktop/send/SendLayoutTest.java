package dev.p2pcopy.desktop.send;

import static dev.p2pcopy.desktop.testing.Fx.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.app.MainWindow;
import dev.p2pcopy.desktop.app.Screen;
import dev.p2pcopy.desktop.testing.Await;
import dev.p2pcopy.desktop.testing.LoopbackRelay;
import dev.p2pcopy.desktop.testing.Png;
import dev.p2pcopy.desktop.testing.TestApp;
import dev.p2pcopy.desktop.testing.TestFiles;
import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.protocol.P2pCopy;
import dev.p2pcopy.protocol.ReceiveOptions;
import dev.p2pcopy.protocol.Transfer;
import dev.p2pcopy.protocol.TransferListener;
import dev.p2pcopy.protocol.TransferProgress;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.text.Text;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Send screen inside the real window, at the minimum and the default size: no text is cut
 * short and nothing sticks out of the window, empty, with files listed, with the code shown,
 * mid-transfer and sent. With {@code -Dscreens.dir=DIR} it also checks the dark theme and writes
 * every state in both themes as a PNG to look at.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class SendLayoutTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final double[][] SIZES = {{MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT}, {1000, 700}};
    /** Where to write the pictures, if anywhere. */
    private static final Optional<Path> SHOTS = Png.dir();

    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    @TempDir
    Path home;

    private TestApp app;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        app = new TestApp(relay.url(), home);
        window = new MainWindow(app.context);
        window.showOn(stage);
    }

    @AfterEach
    void close() {
        app.context.close();
    }

    @Test
    void everythingFitsWithFilesListedAndWithTheCodeShown(FxRobot robot) throws Exception {
        Path photos = Files.createDirectories(home.resolve("Holiday photos 2026"));
        for (int i = 1; i <= 24; i++) {
            TestFiles.randomFile(photos.resolve("IMG_" + (4000 + i) + ".jpg"), 40_000L + i);
        }
        Path report = TestFiles.randomFile(home.resolve("Quarterly report – final version (signed).pdf"), 2_400_000);
        Path notes = TestFiles.randomFile(home.resolve("notes.txt"), 812);
        Path video = TestFiles.randomFile(home.resolve("Holiday video.mp4"), 16L * TestFiles.MIB);
        SendView view = (SendView) window.view(Screen.SEND);
        checkEverySizeAndTheme(robot, "empty");
        robot.interact(() ->
                view.dropZone().accept(List.of(photos.toFile(), video.toFile(), report.toFile(), notes.toFile())));
        Await.until(
                () -> fx(() ->
                        robot.lookup("#send-summary").queryLabeled().getText().endsWith("MiB")),
                WAIT,
                "the sizes");

        checkEverySizeAndTheme(robot, "files");

        robot.clickOn("#send-start");
        Await.until(
                () -> fx(() ->
                        !robot.lookup("#send-code").queryLabeled().getText().isEmpty()),
                WAIT,
                "a code");
        checkEverySizeAndTheme(robot, "code");

        // A receiver that stops once data flows holds the sender in TRANSFERRING for the pictures.
        CountDownLatch resume = new CountDownLatch(1);
        TransferListener stall = new TransferListener() {
            @Override
            public void onProgress(TransferProgress progress) {
                if (progress.verifiedBytes() >= 4 * TestFiles.MIB) {
                    try {
                        resume.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        String code = fx(() -> robot.lookup("#send-code").queryLabeled().getText());
        Path target = Files.createDirectories(home.resolve("received"));
        Transfer receiving = P2pCopy.receive(
                code,
                ReceiveOptions.builder(URI.create(relay.url()), target)
                        .listener(stall)
                        .build());
        Await.until(
                () -> fx(() -> robot.lookup("#send-progress-card").query().isVisible()
                        && app.context
                                        .transfers()
                                        .items()
                                        .get(0)
                                        .progressProperty()
                                        .get()
                                        .verifiedBytes()
                                > 0),
                WAIT,
                "progress");
        checkEverySizeAndTheme(robot, "transferring");
        resume.countDown();
        receiving.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Await.until(
                () -> fx(() ->
                        robot.lookup("#send-outcome").queryLabeled().getText().equals("Sent")),
                WAIT,
                "Sent");
        checkEverySizeAndTheme(robot, "sent");
    }

    private void checkEverySizeAndTheme(FxRobot robot, String state) throws Exception {
        // The themes share every size and font (base.css): the dark one only matters for pictures.
        List<Theme> themes = SHOTS.isEmpty() ? List.of(Theme.LIGHT) : List.of(Theme.values());
        for (Theme theme : themes) {
            for (double[] size : SIZES) {
                robot.interact(() -> {
                    app.context.settings().themeProperty().set(theme);
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                WaitForAsyncUtils.waitForFxEvents();
                String name = "send-" + state + "-" + theme.name().toLowerCase() + "-" + (int) size[0];
                List<String> problems =
                        fx(() -> problems(window.view(Screen.SEND).root()));
                assertThat(problems).as(name).isEmpty();
                shoot(name);
            }
        }
    }

    /** Text cut short, or a control reaching out of the window. */
    private List<String> problems(Parent screen) {
        screen.applyCss(); // lay out now, so that no text changed since the last pulse is compared stale
        screen.layout();
        List<String> problems = new ArrayList<>();
        double width = stage.getScene().getWidth();
        double height = stage.getScene().getHeight();
        visit(screen, node -> {
            if (node instanceof Labeled labeled
                    && labeled.getText() != null
                    && !labeled.getText().isEmpty()
                    && labeled.lookup(".text") instanceof Text shown) {
                String full = labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_", "") : labeled.getText();
                if (!shown.getText().equals(full)) {
                    problems.add("“" + full + "” shows as “" + shown.getText() + "”");
                }
            }
            if (node instanceof Labeled || node instanceof ImageView || node instanceof ListView) {
                Bounds b = node.localToScene(node.getBoundsInLocal());
                if (b.getMaxX() > width + 0.5 || b.getMaxY() > height + 0.5 || b.getMinX() < -0.5) {
                    problems.add(node + " reaches out of the window: " + b);
                }
            }
        });
        return problems;
    }

    /** Every shown node under {@code node}, not descending into lists (their cells are clipped). */
    private static void visit(Node node, java.util.function.Consumer<Node> action) {
        if (!node.isVisible()) {
            return;
        }
        action.accept(node);
        if (node instanceof Parent parent && !(node instanceof ListView)) {
            parent.getChildrenUnmodifiable().forEach(child -> visit(child, action));
        }
    }

    private void shoot(String name) throws Exception {
        if (SHOTS.isPresent()) {
            fx(() -> {
                Png.write(stage.getScene(), SHOTS.get().resolve(name + ".png"));
                return null;
            });
        }
    }
}
