package dev.p2pcopy.desktop.transfers;

import static dev.p2pcopy.desktop.testing.Fx.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.Await;
import dev.p2pcopy.desktop.testing.LoopbackRelay;
import dev.p2pcopy.desktop.testing.Png;
import dev.p2pcopy.desktop.testing.SlowProxy;
import dev.p2pcopy.desktop.testing.TestApp;
import dev.p2pcopy.desktop.testing.TestFiles;
import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.OfferHandler;
import dev.p2pcopy.protocol.TransferState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
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
 * The Transfers screen on a receiving app, with a second app sending to it through a real relay.
 * The receiver reaches the relay through a {@link SlowProxy} that does not slow down but can hold
 * a transfer half-way for as long as a check needs.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class TransfersScreenTest {
    private static final long FILE_BYTES = 24L * TestFiles.MIB;
    /** Where the proxy holds the data: a quarter of the file. */
    private static final long HOLD_AT = 6L * TestFiles.MIB;

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final LoopbackRelay RELAY = new LoopbackRelay();

    @TempDir
    static Path tmp;

    private static Path file;

    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> openAnswer = CompletableFuture.completedFuture(null);
    private SlowProxy proxy;
    private TestApp sender;
    private TestApp receiver;
    private TransfersController screen;
    private Stage stage;

    @BeforeAll
    static void writeFile() throws IOException {
        file = TestFiles.randomFile(
                Files.createDirectories(tmp.resolve("source")).resolve("data.bin"), FILE_BYTES);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory(tmp, "case-");
        proxy = new SlowProxy(RELAY.url(), SlowProxy.UNLIMITED);
        sender = new TestApp(RELAY.url(), home.resolve("sender"));
        receiver = new TestApp(proxy.url(), home.resolve("receiver"));
        screen = new TransfersController(receiver.context, folder -> {
            opened.add(folder);
            return openAnswer;
        });
        receiver.show(stage, screen.view().root(), 850, 640); // light: the default theme
    }

    @AfterEach
    void stop() throws Exception {
        proxy.resume();
        receiver.context.close();
        sender.context.close();
        proxy.close();
    }

    @Test
    void withoutTransfersItSaysWhereTheyComeFrom(FxRobot robot) {
        assertThat(robot.lookup("#transfers-empty").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup("#transfers-empty").queryLabeled().getText())
                .isEqualTo("No transfers yet. Send or receive files to see them here.");
        assertThat(robot.lookup("#transfers-clear").queryButton().isDisabled()).isTrue();
    }

    @Test
    void aRunningTransferShowsItsProgressThenDoneWithOpenFolder(FxRobot robot) throws Exception {
        proxy.pauseAfter(HOLD_AT);
        TransferItem sent = fx(() -> sender.context.transfers().send(List.of(file)));
        TransferItem received = receive(awaitCode(sent));
        TransferRow row = fx(() -> ((TransfersView) screen.view()).row(received));
        assertThat(row).isNotNull();

        awaitFx(() -> bar(row, "#transfer-progress").getProgress() > 0, "progress while the data flows");
        assertThat(fx(() -> bar(row, "#transfer-progress").getProgress())).isStrictlyBetween(0.0, 1.0);
        assertThat(text(row, "#transfer-state")).isEqualTo("Receiving…");
        assertThat(text(row, "#transfer-title")).isEqualTo("data.bin (1 file, 24.0 MiB)");
        assertThat(text(row, "#transfer-figures"))
                .contains(" of 24.0 MiB verified · ")
                .contains("/s");
        assertThat(text(row, "#transfer-current-file"))
                .startsWith("data.bin · ")
                .endsWith(" of 24.0 MiB");
        assertThat(fx(() -> bar(row, "#transfer-file-progress").getProgress())).isStrictlyBetween(0.0, 1.0);
        assertThat(visible(row, "#transfer-cancel")).isTrue();
        assertThat(visible(row, "#transfer-open-folder")).isFalse();
        assertThat(visible(row, "#transfer-resume")).isFalse();
        assertThat(receiver.awakeHolds).as("keep-awake holds while receiving").hasSize(1);
        assertThat(sender.awakeHolds).as("keep-awake holds while sending").hasSize(1);
        render(screen.view().root(), "transfers-mid");

        proxy.resume();
        awaitFx(() -> received.stateProperty().get() == TransferState.DONE, "the end of the transfer");
        assertThat(text(row, "#transfer-state")).isEqualTo("Received");
        assertThat(text(row, "#transfer-figures")).startsWith("1 file, 24.0 MiB in ");
        assertThat(fx(() -> bar(row, "#transfer-progress").getProgress())).isEqualTo(1.0);
        assertThat(visible(row, "#transfer-cancel")).isFalse();
        assertThat(visible(row, "#transfer-file-line")).isFalse();
        assertThat(TestFiles.sha256(receiver.downloads.resolve("data.bin"))).isEqualTo(TestFiles.sha256(file));
        Await.until(() -> receiver.awakeHolds.isEmpty(), WAIT, "the receiver's keep-awake hold released");
        Await.until(() -> sender.awakeHolds.isEmpty(), WAIT, "the sender's keep-awake hold released");

        openAnswer = CompletableFuture.failedFuture(new IOException("Could not open the folder: no file manager."));
        robot.clickOn(node(row, "#transfer-open-folder"));
        awaitFx(() -> !screen.model().messageProperty().get().isEmpty(), "the failure to open the folder");
        assertThat(robot.lookup("#transfers-message").queryLabeled().getText())
                .isEqualTo("Could not open the folder: no file manager.");
        openAnswer = CompletableFuture.completedFuture(null);
        robot.clickOn(node(row, "#transfer-open-folder"));
        assertThat(opened).containsExactly(receiver.downloads, receiver.downloads);
        assertThat(robot.lookup("#transfers-message").queryLabeled().isVisible())
                .isFalse();

        robot.clickOn("#transfers-clear");
        assertThat(receiver.context.transfers().items()).isEmpty();
        assertThat(robot.lookup("#transfers-empty").queryLabeled().isVisible()).isTrue();
    }

    @Test
    void cancelMidTransferEndsBothSidesAndResumeWithTheNewCodeFinishesTheFile(FxRobot robot) throws Exception {
        proxy.pauseAfter(HOLD_AT);
        TransferItem sent = fx(() -> sender.context.transfers().send(List.of(file)));
        String code = awaitCode(sent);
        TransferItem received = receive(code);
        TransferRow row = fx(() -> ((TransfersView) screen.view()).row(received));
        awaitFx(() -> bar(row, "#transfer-progress").getProgress() > 0, "progress while the data flows");

        robot.clickOn(node(row, "#transfer-cancel"));
        awaitFx(() -> received.stateProperty().get() == TransferState.CANCELLED, "the receiver cancelled");
        awaitFx(() -> sent.stateProperty().get().isTerminal(), "the sender told");
        assertThat(sent.stateProperty().get()).isEqualTo(TransferState.FAILED);
        assertThat(sent.failureReasonProperty().get()).isEqualTo(FailureReason.PEER_FAILED);
        assertThat(sent.failureProperty().get()).isEqualTo("The other side cancelled the transfer.");
        assertThat(text(row, "#transfer-state")).isEqualTo("Cancelled");
        assertThat(visible(row, "#transfer-cancel")).isFalse();
        assertThat(visible(row, "#transfer-resume")).isTrue();
        assertThat(visible(row, "#transfer-failure"))
                .as("no reason needed for one's own cancel")
                .isFalse();
        assertThat(text(row, "#transfer-figures")).endsWith(" of 24.0 MiB verified before it stopped");
        proxy.resume();

        // The sender sends again through its own screen's Resume: the same file under a new code.
        TransfersController senderScreen = fx(() -> new TransfersController(sender.context, f -> null));
        Button senderResume = fx(() ->
                (Button) ((TransfersView) senderScreen.view()).row(sent).root().lookup("#transfer-resume"));
        assertThat(fx(senderResume::isVisible)).isTrue();
        robot.interact(senderResume::fire);
        TransferItem sentAgain = fx(() -> sender.context.transfers().items().get(0));
        assertThat(sentAgain).isNotSameAs(sent);
        String newCode = awaitCode(sentAgain);
        assertThat(newCode).isNotEqualTo(code);
        TransferRow waiting = fx(() -> ((TransfersView) senderScreen.view()).row(sentAgain));
        assertThat(text(waiting, "#transfer-state")).isEqualTo("Waiting for the receiver…");
        assertThat(text(waiting, "#transfer-code")).isEqualTo("Code: " + newCode);

        robot.clickOn(node(row, "#transfer-resume"));
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#resume-code").tryQuery())
                .as("the dialog closed")
                .isEmpty();
        assertThat(fx(() -> List.copyOf(receiver.context.transfers().items())))
                .as("Escape resumes nothing")
                .containsExactly(received);

        robot.clickOn(node(row, "#transfer-resume"));
        TextField codeField = robot.lookup("#resume-code").queryAs(TextField.class);
        assertThat(codeField.getText()).as("prefilled with the old code").isEqualTo(code);
        robot.interact(() -> codeField.setText(" " + newCode + " "));
        robot.clickOn("#resume-code-ok");
        Await.until(
                () -> fx(() -> robot.lookup("#accept-dialog-accept")
                        .tryQuery()
                        .map(b -> b.isVisible() && b.getScene().getWindow().isShowing())
                        .orElse(false)),
                WAIT,
                "the offer of the resumed transfer");
        robot.clickOn("#accept-dialog-accept");

        TransferItem resumed = fx(() -> receiver.context.transfers().items().get(0));
        assertThat(resumed).isNotSameAs(received);
        assertThat(fx(() -> receiver.context.transfers().items())).doesNotContain(received);
        awaitFx(() -> resumed.stateProperty().get().isTerminal(), "the end of the resumed transfer");
        assertThat(resumed.failureProperty().get()).isEmpty();
        assertThat(resumed.stateProperty().get()).isEqualTo(TransferState.DONE);
        assertThat(resumed.resultProperty().get().bytes())
                .as("bytes received the second time")
                .isPositive()
                .isLessThan(FILE_BYTES);
        assertThat(TestFiles.sha256(receiver.downloads.resolve("data.bin"))).isEqualTo(TestFiles.sha256(file));
        assertThat(TestFiles.listing(receiver.downloads)).containsExactly("data.bin");
        TransferRow resumedRow = fx(() -> ((TransfersView) screen.view()).row(resumed));
        assertThat(text(resumedRow, "#transfer-state")).isEqualTo("Received");
    }

    @Test
    void aFailedTransferSaysWhyInOneSentenceAndShowsDetailsOnRequest(FxRobot robot) throws Exception {
        Path small =
                TestFiles.randomFile(Files.createTempDirectory(tmp, "small-").resolve("note.txt"), 1000);
        TransferItem sent = fx(() -> sender.context.transfers().send(List.of(small)));
        String code = awaitCode(sent);
        TransferItem received = receive(code.substring(0, code.indexOf('-')) + "-wrong-words-here");
        awaitFx(() -> received.stateProperty().get() == TransferState.FAILED, "the failure");
        TransferRow row = fx(() -> ((TransfersView) screen.view()).row(received));

        assertThat(text(row, "#transfer-state")).isEqualTo("Failed");
        assertThat(visible(row, "#transfer-failure")).isTrue();
        assertThat(text(row, "#transfer-failure"))
                .isEqualTo(received.failureProperty().get())
                .contains("code does not match");
        assertThat(visible(row, "#transfer-details")).isFalse();
        assertThat(visible(row, "#transfer-resume"))
                .as("a wrong code is not resumed")
                .isFalse();
        assertThat(visible(row, "#transfer-open-folder")).isFalse();

        robot.clickOn(node(row, "#transfer-details-toggle"));
        assertThat(visible(row, "#transfer-details")).isTrue();
        assertThat(fx(() -> ((TextArea) node(row, "#transfer-details")).getText()))
                .startsWith("Reason: WRONG_CODE");
        assertThat(fx(() -> ((Hyperlink) node(row, "#transfer-details-toggle")).getText()))
                .isEqualTo("Hide details");
        assertThat(robot.lookup("#transfers-clear").queryButton().isDisabled()).isFalse();

        robot.clickOn(node(row, "#transfer-details-toggle"));
        assertThat(visible(row, "#transfer-details")).isFalse();
    }

    @Test
    void cancelPressedBeforeTheTransferHasStartedStillStopsIt() throws Exception {
        // Cancel is pressed as soon as the row appears: before the transfer is handed to the engine.
        ObservableList<TransferItem> items = receiver.context.transfers().items();
        ListChangeListener<TransferItem> pressCancel = change -> {
            while (change.next()) {
                change.getAddedSubList()
                        .forEach(item ->
                                ((Button) node(((TransfersView) screen.view()).row(item), "#transfer-cancel")).fire());
            }
        };
        TransferItem received = fx(() -> {
            items.addListener(pressCancel);
            try {
                return receiver.context.transfers().receive("4321-nobody-sends", receiver.downloads, null);
            } finally {
                items.removeListener(pressCancel);
            }
        });
        Await.until(
                () -> fx(() -> received.stateProperty().get() == TransferState.CANCELLED),
                Duration.ofSeconds(10),
                "the cancelled transfer");
        TransferRow row = fx(() -> ((TransfersView) screen.view()).row(received));
        assertThat(text(row, "#transfer-state")).isEqualTo("Cancelled");
        Await.until(() -> receiver.awakeHolds.isEmpty(), WAIT, "the keep-awake hold released");
    }

    private TransferItem receive(String code) throws Exception {
        return fx(() -> receiver.context.transfers().receive(code, receiver.downloads, OfferHandler.ACCEPT_ALL));
    }

    private static String awaitCode(TransferItem item) throws Exception {
        awaitFx(() -> !item.codeProperty().get().isEmpty(), "the sender's code");
        return fx(() -> item.codeProperty().get());
    }

    /**
     * Renders {@code root} in the light theme at the usual size and in the dark one at the
     * smallest, laid out at that size for the moment of the snapshot; checks the pictures' size.
     * They go to the folder of {@code -Dscreens.dir}, else to the test's temporary folder.
     */
    private void render(Parent root, String name) throws Exception {
        Path folder = Png.dir().orElse(tmp.resolve("pictures"));
        Scene scene = root.getScene();
        for (Theme theme : Theme.values()) {
            double width = theme == Theme.LIGHT ? 850 : 630;
            double height = theme == Theme.LIGHT ? 640 : 520;
            String file = name + "-" + theme.name().toLowerCase(Locale.ROOT) + "-" + (int) width + ".png";
            WritableImage image = fx(() -> {
                theme.applyTo(scene);
                root.applyCss();
                root.resize(width, height);
                root.layout();
                try {
                    return Png.write(root, folder.resolve(file));
                } finally {
                    Theme.LIGHT.applyTo(scene);
                    root.resize(scene.getWidth(), scene.getHeight());
                    root.layout();
                }
            });
            assertThat((int) image.getWidth()).isEqualTo((int) width);
        }
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

    private static ProgressBar bar(TransferRow row, String id) {
        return (ProgressBar) node(row, id);
    }

    private static void awaitFx(Callable<Boolean> condition, String what) throws Exception {
        Await.until(() -> fx(condition), WAIT, what);
    }
}
