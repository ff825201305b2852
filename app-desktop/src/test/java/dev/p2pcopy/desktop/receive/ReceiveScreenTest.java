package dev.p2pcopy.desktop.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.desktop.fx.PathDialogs;
import dev.p2pcopy.desktop.receive.ReceiveModel.Phase;
import dev.p2pcopy.desktop.testing.Await;
import dev.p2pcopy.desktop.testing.LoopbackRelay;
import dev.p2pcopy.desktop.testing.NoDialogs;
import dev.p2pcopy.desktop.testing.TestApp;
import dev.p2pcopy.desktop.testing.TestFiles;
import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.P2pCopy;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.Transfer;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.TransferState;
import dev.p2pcopy.protocol.code.Wordlist;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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

/** The Receive screen against a real relay and a real sender. */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class ReceiveScreenTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    @TempDir
    Path home;

    private TestApp app;
    private ReceiveController controller;
    private Path chosen;
    private final List<Path> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws IOException {
        app = new TestApp(relay.url(), home);
        chosen = Files.createDirectories(home.resolve("chosen"));
        PathDialogs dialogs = new NoDialogs() {
            @Override
            public Optional<Path> folder(Window owner, String title, Path startIn) {
                return Optional.of(chosen);
            }
        };
        controller = new ReceiveController(app.context, dialogs, folder -> {
            opened.add(folder);
            return CompletableFuture.failedFuture(new CompletionException(
                    new IOException("Could not open " + folder + ": no file manager was found.")));
        });
        app.show(stage, controller.view().root(), 800, 600);
    }

    @AfterEach
    void close() {
        app.context.close();
    }

    @Test
    void typingPartOfAWordOffersTheWordlistAndChoosingOneCompletesTheLastWord(FxRobot robot) throws Exception {
        List<String> expected = Wordlist.english().completions("ba", WordCompletion.MAX_SUGGESTIONS);
        assertThat(expected).hasSizeGreaterThan(1);

        robot.clickOn("#receive-code").write("7-Orbit-ba");
        ListView<?> popup = awaitPopup(robot);
        List<String> shown = robot.lookup(".auto-complete-popup .list-cell").queryAllAs(ListCell.class).stream()
                .map(ListCell::getText)
                .filter(t -> t != null && !t.isEmpty())
                .toList();
        assertThat(shown).containsExactlyElementsOf(expected.subList(0, shown.size()));
        assertThat(popup.getItems()).hasSize(expected.size());

        robot.clickOn(expected.get(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(codeField(robot).getText()).isEqualTo("7-Orbit-" + expected.get(1));

        // Enter on an open popup picks the highlighted word; it does not start a receive.
        robot.write(" ba");
        awaitPopup(robot);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(codeField(robot).getText()).isEqualTo("7-Orbit-" + expected.get(1) + " " + expected.get(0));
        assertThat(app.context.transfers().items()).isEmpty();
        assertThat(controller.model().phaseProperty().get()).isEqualTo(Phase.IDLE);
    }

    @Test
    void somethingThatIsNotACodeIsRefusedInlineAndStartsNothing(FxRobot robot) {
        robot.clickOn("#receive-code");
        robot.type(KeyCode.ENTER);
        assertThat(errorText(robot)).isEqualTo("Enter the code that the sender sees.");

        robot.write("12!34").type(KeyCode.ENTER);
        assertThat(errorText(robot))
                .isEqualTo("That is not a code: a code may contain only the letters a-z, digits and dashes.");
        assertThat(robot.lookup("#receive-code-error").query().isVisible()).isTrue();
        assertThat(app.context.transfers().items()).isEmpty();
        assertThat(robot.lookup("#receive-status-card").query().isVisible()).isFalse();

        robot.type(KeyCode.BACK_SPACE); // editing the code takes the complaint away
        assertThat(errorText(robot)).isEmpty();
        assertThat(robot.lookup("#receive-code-error").query().isVisible()).isFalse();
    }

    @Test
    void aPastedCodeIsNormalisedAndTheAcceptedFilesArriveInTheChosenFolder(FxRobot robot) throws Exception {
        Path src = Files.createDirectories(home.resolve("src"));
        Path single = TestFiles.randomFile(src.resolve("notes.bin"), 300_000);
        Path folder = Files.createDirectories(src.resolve("photos"));
        Path inner1 = TestFiles.randomFile(folder.resolve("one.bin"), 1_500_000);
        Path inner2 = TestFiles.randomFile(folder.resolve("two.bin"), 70_000);
        Transfer sender = send("4711-foo-bar", single, folder);

        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("  4711-Foo-BAR ");
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn("#receive-code").push(KeyCode.CONTROL, KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(codeField(robot).getText()).isEqualTo("  4711-Foo-BAR ");
        robot.clickOn("#receive-change-folder");
        assertThat(robot.lookup("#receive-folder").queryAs(Label.class).getText())
                .isEqualTo(chosen.toString());

        robot.clickOn("#receive-code").type(KeyCode.ENTER);
        awaitNode(robot, "#accept-dialog-accept");
        assertThat(codeField(robot).getText()).isEqualTo("4711-foo-bar");
        assertThat(robot.lookup("#accept-summary").queryAs(Label.class).getText())
                .isEqualTo("3 files, 1.8 MiB");
        assertThat(robot.lookup("#accept-names .label").queryAllAs(Label.class).stream()
                        .map(Label::getText))
                .containsExactly("notes.bin — 293 KiB", "photos/ — 2 files, 1.5 MiB");
        assertThat(robot.lookup("#accept-folder").queryAs(Label.class).getText())
                .isEqualTo(chosen.toString());
        assertThat(robot.lookup("#accept-space").queryAs(Label.class).getText()).endsWith("iB");
        assertThat(robot.lookup("#accept-space-warning").tryQuery()).isEmpty();
        robot.type(KeyCode.ENTER); // Accept is the default button

        sender.result().get(60, TimeUnit.SECONDS);
        Await.until(() -> controller.model().phaseProperty().get() == Phase.RECEIVED, WAIT, "the received state");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(TestFiles.sha256(chosen.resolve("notes.bin"))).isEqualTo(TestFiles.sha256(single));
        assertThat(TestFiles.sha256(chosen.resolve("photos/one.bin"))).isEqualTo(TestFiles.sha256(inner1));
        assertThat(TestFiles.sha256(chosen.resolve("photos/two.bin"))).isEqualTo(TestFiles.sha256(inner2));
        assertThat(TestFiles.listing(app.downloads)).isEmpty();
        assertThat(statusText(robot)).isEqualTo("Received");
        assertThat(robot.lookup("#receive-figures").queryAs(Label.class).getText())
                .startsWith("3 files, 1.8 MiB in ");
        assertThat(robot.lookup("#receive-open-folder").query().isVisible()).isTrue();
        assertThat(robot.lookup("#receive-code").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#receive-more").query().isFocused()).isTrue(); // Enter receives more

        robot.clickOn("#receive-open-folder");
        Await.until(() -> !controller.model().noticeProperty().get().isEmpty(), WAIT, "the notice");
        assertThat(opened).containsExactly(chosen);
        assertThat(controller.model().noticeProperty().get())
                .isEqualTo("Could not open " + chosen + ": no file manager was found.");

        robot.clickOn("#receive-more");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(codeField(robot).getText()).isEmpty();
        assertThat(codeField(robot).isFocused()).isTrue();
        assertThat(robot.lookup("#receive-status-card").query().isVisible()).isFalse();
        // The other folder was for that receive only; the setting never changed.
        assertThat(robot.lookup("#receive-folder").queryAs(Label.class).getText())
                .isEqualTo(app.downloads.toString());
        assertThat(app.context.settings().downloadFolderProperty().get()).isEqualTo(app.downloads);
    }

    @Test
    void decliningTheOfferFailsTheSenderAndSaysSo(FxRobot robot) throws Exception {
        Transfer sender = send("4712-decline-xyzzq", smallFile());

        robot.clickOn("#receive-code").write("4712-decline-xyzzq").type(KeyCode.ENTER);
        awaitNode(robot, "#accept-dialog-decline");
        robot.clickOn("#accept-dialog-decline");

        assertThatThrownBy(() -> sender.result().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        TransferException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.PEER_DECLINED));
        Await.until(() -> controller.model().phaseProperty().get() == Phase.FAILED, WAIT, "the failed state");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(statusText(robot)).isEqualTo("You declined the transfer.");
        assertThat(TestFiles.listing(app.downloads)).isEmpty();
        assertThat(robot.lookup("#receive-code").query().isDisabled()).isFalse(); // free to try again
    }

    @Test
    void aSenderThatGivesUpTakesTheOpenQuestionAway(FxRobot robot) throws Exception {
        Transfer sender = send("4715-gone-xyzzq", smallFile());

        robot.clickOn("#receive-code").write("4715-gone-xyzzq").type(KeyCode.ENTER);
        awaitNode(robot, "#accept-dialog");
        assertThat(statusText(robot)).isEqualTo("Waiting for your answer…");
        sender.cancel();

        Await.until(() -> controller.model().phaseProperty().get() == Phase.FAILED, WAIT, "the failed state");
        Await.until(() -> robot.lookup("#accept-dialog").tryQuery().isEmpty(), WAIT, "the dialog to close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(statusText(robot)).isEqualTo("The other side cancelled the transfer.");
    }

    @Test
    void aDifferentCodeInTheSameRoomShowsTheMismatch(FxRobot robot) throws Exception {
        Transfer sender = send("4713-cobalt-xyzzq", smallFile());

        // Same nameplate, so the relay pairs them; another word, so the key exchange fails.
        robot.clickOn("#receive-code").write("4713-cobalt-xyzzy").type(KeyCode.ENTER);

        Await.until(() -> controller.model().phaseProperty().get() == Phase.FAILED, WAIT, "the failed state");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(statusText(robot))
                .isEqualTo(
                        "The code does not match: both sides must use exactly the same code. Nothing was transferred.");
        assertThat(robot.lookup("#receive-status").query().getStyleClass()).contains("failed");
        assertThat(robot.lookup("#accept-dialog").tryQuery()).isEmpty();
        assertThatThrownBy(() -> sender.result().get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(TransferException.class);
    }

    @Test
    void escapeCancelsAReceiveThatWaitsForItsSender(FxRobot robot) throws Exception {
        robot.clickOn("#receive-code").write("4714-nobody-xyzzq").type(KeyCode.ENTER);
        Await.until(
                () -> controller.current() != null
                        && controller.current().stateProperty().get() == TransferState.WAITING_FOR_PEER,
                WAIT,
                "waiting for the sender");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(statusText(robot)).isEqualTo("Waiting for the sender…");
        assertThat(robot.lookup("#receive-progress").query().isVisible()).isFalse();
        assertThat(robot.lookup("#receive-code").query().isDisabled()).isTrue();

        robot.type(KeyCode.ESCAPE);
        Await.until(() -> controller.model().phaseProperty().get() == Phase.FAILED, WAIT, "the cancelled state");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(controller.current().stateProperty().get()).isEqualTo(TransferState.CANCELLED);
        assertThat(statusText(robot)).isEqualTo("The transfer was cancelled.");
        assertThat(codeField(robot).isFocused()).isTrue();
    }

    /** A real sender of {@code files} under {@code code}, once the relay has taken the code. */
    private Transfer send(String code, Path... files) throws Exception {
        Transfer sender = P2pCopy.send(
                List.of(files),
                SendOptions.builder(URI.create(relay.url())).code(code).build());
        sender.code().get(20, TimeUnit.SECONDS);
        return sender;
    }

    private Path smallFile() throws IOException {
        return TestFiles.randomFile(Files.createDirectories(home.resolve("src")).resolve("a.bin"), 50_000);
    }

    private static ListView<?> awaitPopup(FxRobot robot) throws Exception {
        Await.until(
                () -> popupList(robot)
                        .filter(l -> l.isVisible() && !l.getItems().isEmpty())
                        .isPresent(),
                WAIT,
                "the completion popup");
        WaitForAsyncUtils.waitForFxEvents();
        return popupList(robot).orElseThrow();
    }

    /** The popup's list (the popup's own root carries the same style class). */
    private static Optional<ListView<?>> popupList(FxRobot robot) {
        return robot.lookup(".list-view.auto-complete-popup").tryQuery().map(n -> (ListView<?>) n);
    }

    private static void awaitNode(FxRobot robot, String query) throws Exception {
        Await.until(() -> robot.lookup(query).tryQuery().isPresent(), WAIT, query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TextField codeField(FxRobot robot) {
        return robot.lookup("#receive-code").queryAs(TextField.class);
    }

    private static String errorText(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#receive-code-error").queryAs(Label.class).getText();
    }

    private static String statusText(FxRobot robot) {
        return robot.lookup("#receive-status").queryAs(Label.class).getText();
    }
}
