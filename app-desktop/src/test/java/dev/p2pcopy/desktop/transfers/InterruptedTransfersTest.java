package dev.p2pcopy.desktop.transfers;

import static dev.p2pcopy.desktop.testing.Fx.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.Await;
import dev.p2pcopy.desktop.testing.LoopbackRelay;
import dev.p2pcopy.desktop.testing.SlowProxy;
import dev.p2pcopy.desktop.testing.TestApp;
import dev.p2pcopy.desktop.testing.TestFiles;
import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.OfferHandler;
import dev.p2pcopy.protocol.TransferState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Interrupted transfers across restarts of the app: each "app" is a {@link TestApp} on its own
 * home folder, and a restart is a new one on the same folder after the old one was closed as the
 * app closes it when quitting. Transfers run through a real relay.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class InterruptedTransfersTest {
    private static final long FILE_BYTES = 16L * TestFiles.MIB;
    /** Where the proxy holds the receiver's data: a quarter of the file. */
    private static final long HOLD_AT = 4L * TestFiles.MIB;

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final LoopbackRelay RELAY = new LoopbackRelay();

    @TempDir
    static Path tmp;

    private static Path file;

    private final List<TestApp> apps = new ArrayList<>();
    private Stage stage;
    private Path home;
    private SlowProxy proxy;

    @BeforeAll
    static void writeFile() throws IOException {
        file = TestFiles.randomFile(
                Files.createDirectories(tmp.resolve("source")).resolve("data.bin"), FILE_BYTES);
    }

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        home = Files.createTempDirectory(tmp, "case-");
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.resume();
        }
        for (TestApp app : apps) {
            fx(() -> {
                app.context.close();
                return null;
            });
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aReceiveStoppedByQuittingIsListedAfterTheRestartAndResumesWithANewCode(FxRobot robot) throws Exception {
        proxy = new SlowProxy(RELAY.url(), SlowProxy.UNLIMITED);
        TestApp sender = app(RELAY.url(), "sender");
        TestApp receiver = app(proxy.url(), "receiver");
        proxy.pauseAfter(HOLD_AT);
        TransferItem sent = fx(() -> sender.context.transfers().send(List.of(file)));
        String code = awaitCode(sent);
        TransferItem received =
                fx(() -> receiver.context.transfers().receive(code, receiver.downloads, OfferHandler.ACCEPT_ALL));
        awaitFx(() -> received.progressProperty().get().verifiedBytes() > 0, "verified data before the quit");

        quit(receiver);
        awaitFx(() -> received.stateProperty().get().isTerminal(), "the receiver's engine stopped");
        proxy.resume();

        TransferHistory history = TransferHistory.beside(receiver.configFile);
        List<HistoryEntry> kept = history.load();
        assertThat(kept).hasSize(1);
        HistoryEntry entry = kept.get(0);
        assertThat(entry.direction()).isEqualTo(Direction.RECEIVE);
        assertThat(entry.folder()).isEqualTo(receiver.downloads.toAbsolutePath());
        assertThat(entry.code()).isEqualTo(code);
        assertThat(entry.title()).isEqualTo("data.bin (1 file, 16.0 MiB)");
        assertThat(entry.reason()).isEqualTo(FailureReason.CANCELLED);
        assertThat(entry.failure())
                .as("the cancel that followed the quit does not replace the sentence")
                .isEqualTo("Interrupted (the app was closed).");
        assertThat(entry.totalBytes()).isEqualTo(FILE_BYTES);
        assertThat(entry.verifiedBytes()).isPositive().isLessThan(FILE_BYTES);

        // The restart: a new app on the same folders lists the transfer, ended, with Resume.
        TestApp restarted = app(RELAY.url(), "receiver");
        TransfersController screen = show(restarted);
        assertThat(fx(() -> restarted.context.transfers().items())).hasSize(1);
        TransferItem restored = fx(() -> restarted.context.transfers().items().get(0));
        TransferRow row = fx(() -> ((TransfersView) screen.view()).row(restored));
        assertThat(text(row, "#transfer-title")).isEqualTo("data.bin (1 file, 16.0 MiB)");
        assertThat(text(row, "#transfer-state")).isEqualTo("Cancelled");
        assertThat(visible(row, "#transfer-failure")).isTrue();
        assertThat(text(row, "#transfer-failure")).isEqualTo("Interrupted (the app was closed).");
        assertThat(text(row, "#transfer-figures")).endsWith(" of 16.0 MiB verified before it stopped");
        assertThat(visible(row, "#transfer-resume")).isTrue();
        assertThat(visible(row, "#transfer-cancel")).isFalse();
        assertThat(restarted.awakeHolds).as("nothing runs").isEmpty();

        // A new sender sends the same file under a new code.
        TestApp sender2 = app(RELAY.url(), "sender2");
        TransferItem sentAgain = fx(() -> sender2.context.transfers().send(List.of(file)));
        String newCode = awaitCode(sentAgain);

        robot.clickOn(node(row, "#transfer-resume"));
        TextField codeField = robot.lookup("#resume-code").queryAs(TextField.class);
        assertThat(codeField.getText()).as("prefilled with the last code").isEqualTo(code);
        robot.interact(() -> codeField.setText(newCode));
        robot.clickOn("#resume-code-ok");
        Await.until(
                () -> fx(() -> robot.lookup("#accept-dialog-accept")
                        .tryQuery()
                        .map(b -> b.isVisible() && b.getScene().getWindow().isShowing())
                        .orElse(false)),
                WAIT,
                "the offer of the resumed transfer");
        robot.clickOn("#accept-dialog-accept");

        TransferItem resumed = fx(() -> restarted.context.transfers().items().get(0));
        assertThat(resumed).isNotSameAs(restored);
        awaitFx(() -> resumed.stateProperty().get().isTerminal(), "the end of the resumed transfer");
        assertThat(resumed.failureProperty().get()).isEmpty();
        assertThat(resumed.stateProperty().get()).isEqualTo(TransferState.DONE);
        assertThat(resumed.resultProperty().get().bytes())
                .as("only the remainder travelled")
                .isPositive()
                .isLessThan(FILE_BYTES);
        assertThat(TestFiles.sha256(restarted.downloads.resolve("data.bin"))).isEqualTo(TestFiles.sha256(file));
        assertThat(fx(() -> List.copyOf(restarted.context.transfers().items()))).containsExactly(resumed);
        Await.until(() -> history.load().isEmpty(), WAIT, "the resumed entry gone from the history file");
    }

    @Test
    void aFinishedTransferIsNotKept() throws Exception {
        TestApp sender = app(RELAY.url(), "sender");
        TestApp receiver = app(RELAY.url(), "receiver");
        Path small =
                TestFiles.randomFile(Files.createTempDirectory(tmp, "small-").resolve("note.txt"), 5000);
        TransferItem sent = fx(() -> sender.context.transfers().send(List.of(small)));
        String code = awaitCode(sent);
        TransferItem received =
                fx(() -> receiver.context.transfers().receive(code, receiver.downloads, OfferHandler.ACCEPT_ALL));
        awaitFx(() -> received.stateProperty().get() == TransferState.DONE, "the receiver done");
        awaitFx(() -> sent.stateProperty().get() == TransferState.DONE, "the sender done");

        for (TestApp app : List.of(sender, receiver)) {
            quit(app);
            assertThat(TransferHistory.beside(app.configFile).load()).isEmpty();
        }
        TestApp restarted = app(RELAY.url(), "receiver");
        assertThat(fx(() -> restarted.context.transfers().items())).isEmpty();
    }

    @Test
    void restoredTransfersComeNewestFirstAndAResendOfMissingFilesSaysSo(FxRobot robot) throws Exception {
        Path gone = tmp.resolve("gone").resolve("missing.bin").toAbsolutePath();
        Path settings = home.resolve("app").resolve("config").resolve("settings.json");
        TransferHistory history = TransferHistory.beside(settings);
        HistoryEntry send = new HistoryEntry(
                Direction.SEND,
                List.of(gone),
                gone.getParent(),
                "missing.bin",
                "12-old-code",
                2000,
                1000,
                FailureReason.PEER_FAILED,
                "The other side cancelled the transfer.",
                Instant.now().minusSeconds(60));
        HistoryEntry receive = new HistoryEntry(
                Direction.RECEIVE,
                List.of(),
                home.resolve("app").resolve("Downloads"),
                "film.mkv (1 file, 3.0 MiB)",
                "34-older-code",
                3 * TestFiles.MIB,
                TestFiles.MIB,
                FailureReason.TIMEOUT,
                "The other side stopped answering.",
                Instant.now().minusSeconds(3600));
        history.save(List.of(send, receive));

        TestApp app = app(RELAY.url(), "app");
        assertThat(app.configFile).isEqualTo(settings);
        TransfersController screen = show(app);
        List<TransferItem> items = fx(() -> List.copyOf(app.context.transfers().items()));
        assertThat(items).extracting(TransferItem::direction).containsExactly(Direction.SEND, Direction.RECEIVE);
        TransferRow sendRow = fx(() -> ((TransfersView) screen.view()).row(items.get(0)));
        TransferRow receiveRow = fx(() -> ((TransfersView) screen.view()).row(items.get(1)));
        assertThat(text(sendRow, "#transfer-state")).isEqualTo("Failed");
        assertThat(text(sendRow, "#transfer-failure")).isEqualTo("The other side cancelled the transfer.");
        assertThat(text(receiveRow, "#transfer-failure")).isEqualTo("The other side stopped answering.");
        assertThat(text(receiveRow, "#transfer-figures")).isEqualTo("1.0 MiB of 3.0 MiB verified before it stopped");
        robot.clickOn(node(receiveRow, "#transfer-details-toggle"));
        assertThat(fx(() -> ((TextArea) node(receiveRow, "#transfer-details")).getText()))
                .startsWith("Reason: TIMEOUT\nEnded: ");

        robot.clickOn(node(sendRow, "#transfer-resume"));
        TransferItem again = fx(() -> app.context.transfers().items().get(0));
        assertThat(again).isNotSameAs(items.get(0));
        awaitFx(() -> again.stateProperty().get().isTerminal(), "the end of the new send");
        assertThat(again.stateProperty().get()).isEqualTo(TransferState.FAILED);
        assertThat(again.failureProperty().get())
                .isEqualTo(gone + " does not exist.")
                .doesNotContain("\n");
        TransferRow againRow = fx(() -> ((TransfersView) screen.view()).row(again));
        assertThat(text(againRow, "#transfer-failure")).isEqualTo(gone + " does not exist.");

        robot.clickOn("#transfers-clear");
        assertThat(fx(() -> app.context.transfers().items())).isEmpty();
        Await.until(() -> history.load().isEmpty(), WAIT, "Clear finished to empty the history file");
    }

    @Test
    void aDamagedHistoryFileStartsAnEmptyListAndIsKeptAside() throws Exception {
        Path settings = home.resolve("app").resolve("config").resolve("settings.json");
        Path file = TransferHistory.beside(settings).file();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not json at all");

        TestApp app = app(RELAY.url(), "app");

        assertThat(fx(() -> app.context.transfers().items())).isEmpty();
        assertThat(file.resolveSibling(TransferHistory.FILE_NAME + TransferHistory.BAD_SUFFIX))
                .hasContent("not json at all");
    }

    private TestApp app(String relayUrl, String name) throws Exception {
        TestApp app = fx(() -> new TestApp(relayUrl, home.resolve(name)));
        apps.add(app);
        return app;
    }

    /** Closes {@code app} on the FX thread, as quitting the app does. */
    private void quit(TestApp app) throws Exception {
        apps.remove(app);
        fx(() -> {
            app.context.close();
            return null;
        });
    }

    private TransfersController show(TestApp app) throws Exception {
        return fx(() -> {
            TransfersController screen =
                    new TransfersController(app.context, folder -> CompletableFuture.completedFuture(null));
            app.show(stage, screen.view().root(), 850, 640);
            return screen;
        });
    }

    private static String awaitCode(TransferItem item) throws Exception {
        awaitFx(() -> !item.codeProperty().get().isEmpty(), "the sender's code");
        return fx(() -> item.codeProperty().get());
    }

    private static Node node(TransferRow row, String id) {
        Node node = row.root().lookup(id);
        assertThat(node).as(id).isNotNull();
        return node;
    }

    private static String text(TransferRow row, String id) throws Exception {
        return fx(() -> ((Labeled) node(row, id)).getText());
    }

    private static boolean visible(TransferRow row, String id) throws Exception {
        return fx(() -> node(row, id).isVisible());
    }

    private static void awaitFx(Callable<Boolean> condition, String what) throws Exception {
        Await.until(() -> fx(condition), WAIT, what);
    }
}
