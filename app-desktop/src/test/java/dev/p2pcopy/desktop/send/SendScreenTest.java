package dev.p2pcopy.desktop.send;

import static dev.p2pcopy.desktop.testing.Fx.fx;
import static dev.p2pcopy.desktop.testing.Fx.shown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.app.Screen;
import dev.p2pcopy.desktop.fx.PathDialogs;
import dev.p2pcopy.desktop.testing.Await;
import dev.p2pcopy.desktop.testing.LoopbackRelay;
import dev.p2pcopy.desktop.testing.NoDialogs;
import dev.p2pcopy.desktop.testing.Ports;
import dev.p2pcopy.desktop.testing.TestApp;
import dev.p2pcopy.desktop.testing.TestFiles;
import dev.p2pcopy.desktop.transfers.TransferItem;
import dev.p2pcopy.protocol.P2pCopy;
import dev.p2pcopy.protocol.ReceiveOptions;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import dev.p2pcopy.protocol.code.Code;
import dev.p2pcopy.protocol.code.Wordlist;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
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

/**
 * The Send screen against a real relay and a real receiver. Files arrive the way a file manager
 * delivers them: a real drag-and-drop gesture (the robot drags a source node that puts real
 * files on its drag board onto the drop zone), so the zone's own drag handlers do the work.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class SendScreenTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    @TempDir
    Path home;

    private TestApp app;
    private SendController controller;
    private final HeldExecutor sizes = new HeldExecutor();
    private final List<String> dialogCalls = new CopyOnWriteArrayList<>();
    private volatile List<Path> chooserAnswer = List.of();
    private volatile ClipboardContent dragged = new ClipboardContent();

    @Start
    void start(Stage stage) throws IOException {
        app = new TestApp(relay.url(), home);
        PathDialogs dialogs = new NoDialogs() {
            @Override
            public List<Path> files(Window owner, String title, Path startIn) {
                dialogCalls.add("files in " + startIn);
                return chooserAnswer;
            }

            @Override
            public Optional<Path> folder(Window owner, String title, Path startIn) {
                dialogCalls.add("folder in " + startIn);
                return chooserAnswer.stream().findFirst();
            }
        };
        controller = new SendController(app.context, dialogs, sizes);
        // Stands in for the file manager: dragging it puts `dragged` on a real drag board.
        Label source = new Label("A file manager");
        source.setId("test-drag-source");
        source.setOnDragDetected(e -> {
            Dragboard board = source.startDragAndDrop(TransferMode.COPY);
            board.setContent(dragged);
            e.consume();
        });
        VBox.setVgrow(controller.view().root(), Priority.ALWAYS);
        app.show(stage, new VBox(source, controller.view().root()), 900, 720);
    }

    @AfterEach
    void close() {
        app.context.close();
        sizes.shutdown();
    }

    @Test
    void draggingRealFilesAndAFolderOntoTheDropZoneListsThemWithTheirSizes(FxRobot robot) throws Exception {
        Path file = TestFiles.randomFile(home.resolve("notes.bin"), 1500);
        Path album = Files.createDirectories(home.resolve("album"));
        TestFiles.randomFile(album.resolve("one.jpg"), 1000);
        TestFiles.randomFile(Files.createDirectories(album.resolve("more")).resolve("two.jpg"), 3000);
        dragged = files(file, album);

        robot.drag("#test-drag-source").moveTo("#send-drop-zone");
        assertThat(fx(() -> dropZone().getStyleClass().contains("drag-over")))
                .as("highlighted while files hover over it")
                .isTrue();
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> dropZone().getStyleClass().contains("drag-over"))).isFalse();
        assertThat(fx(() -> controller.model().entries().stream()
                        .map(SendEntry::path)
                        .toList()))
                .containsExactly(file, album);
        awaitSummary("2 items · 3 files · 5.4 KiB");
        assertThat(rows(robot)).containsExactly("notes.bin | 1.5 KiB", "album | Folder · 2 files · 3.9 KiB");
        assertThat(robot.lookup("#send-start").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aDragWithoutFilesIsRefused(FxRobot robot) throws Exception {
        ClipboardContent text = new ClipboardContent();
        text.putString("just some text");
        dragged = text;

        robot.drag("#test-drag-source").moveTo("#send-drop-zone");
        assertThat(fx(() -> dropZone().getStyleClass().contains("drag-over"))).isFalse();
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(controller.model().entries()).isEmpty();
        assertThat(robot.lookup("#send-start").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#send-summary").queryLabeled().getText()).isEqualTo("Nothing chosen yet.");
    }

    @Test
    void missingDuplicateAndSameNamedPathsAreNotAddedAndSayWhy(FxRobot robot) throws Exception {
        Path file = TestFiles.randomFile(home.resolve("report.pdf"), 10);
        Path other = TestFiles.randomFile(
                Files.createDirectories(home.resolve("old")).resolve("Report.PDF"), 10);
        Path gone = home.resolve("gone.txt");

        drop(robot, file);
        drop(robot, gone);
        assertThat(notice(robot)).isEqualTo("“gone.txt” no longer exists, so it was not added.");
        drop(robot, file);
        assertThat(notice(robot)).isEqualTo("“report.pdf” is already in the list.");
        drop(robot, other);
        assertThat(notice(robot))
                .isEqualTo("Another item named “Report.PDF” is already in the list, so this one was not added.");
        drop(robot, file.getRoot());
        assertThat(notice(robot)).isEqualTo("“/” cannot be sent because it has no name of its own.");
        drop(robot, gone, file, other);
        assertThat(notice(robot))
                .isEqualTo("“gone.txt” no longer exists, so it was not added (and 2 more items were not added).");
        assertThat(fx(() -> controller.model().entries().stream()
                        .map(SendEntry::path)
                        .toList()))
                .containsExactly(file);

        Path fine = TestFiles.randomFile(home.resolve("fine.txt"), 10);
        drop(robot, fine);
        assertThat(shown(robot.lookup("#send-notice").query()))
                .as("a clean drop clears the notice")
                .isFalse();
    }

    @Test
    void theRemoveButtonAndTheDeleteKeyTakeRowsOut(FxRobot robot) throws Exception {
        Path a = TestFiles.randomFile(home.resolve("a.bin"), 100);
        Path b = TestFiles.randomFile(home.resolve("b.bin"), 200);
        Path c = TestFiles.randomFile(home.resolve("c.bin"), 400);
        drop(robot, a, b, c);
        awaitSummary("3 items · 3 files · 700 B");

        robot.clickOn(removeButtonOf(robot, "b.bin"));
        awaitSummary("2 items · 2 files · 500 B");
        assertThat(rows(robot)).containsExactly("a.bin | 100 B", "c.bin | 400 B");

        robot.interact(() -> {
            ListView<?> list = robot.lookup("#send-list").queryListView();
            list.requestFocus();
            list.getSelectionModel().select(0);
        });
        robot.type(KeyCode.DELETE);
        awaitSummary("1 item · 1 file · 400 B");
        assertThat(rows(robot)).containsExactly("c.bin | 400 B");

        robot.clickOn(removeButtonOf(robot, "c.bin"));
        awaitSummary("Nothing chosen yet.");
        assertThat(shown(robot.lookup("#send-list").query())).isFalse();
        assertThat(robot.lookup("#send-start").queryButton().isDisabled()).isTrue();
    }

    @Test
    void aFolderShowsCountingUntilItsSizeIsKnownAndTheUiStaysResponsive(FxRobot robot) throws Exception {
        Path tree = Files.createDirectories(home.resolve("tree"));
        for (int i = 0; i < 30; i++) {
            TestFiles.randomFile(tree.resolve("f" + i), 100);
        }
        sizes.hold();
        drop(robot, tree);

        assertThat(sizes.heldCount())
                .as("the walk waits on the worker, not on the FX thread")
                .isEqualTo(1);
        assertThat(rows(robot)).containsExactly("tree | counting…");
        assertThat(robot.lookup("#send-summary").queryLabeled().getText())
                .isEqualTo("1 item · counting… (0 files, 0 B so far)");
        assertThat(robot.lookup("#send-start").queryButton().isDisabled())
                .as("sending does not need the count")
                .isFalse();

        sizes.release();
        awaitSummary("1 item · 30 files · 2.9 KiB");
        assertThat(rows(robot)).containsExactly("tree | Folder · 30 files · 2.9 KiB");
    }

    @Test
    void startShowsARealCodeAndItsQrCodeThenAReceiverGetsIdenticalFiles(FxRobot robot) throws Exception {
        Path file = TestFiles.randomFile(home.resolve("data.bin"), 3 * TestFiles.MIB + 17);
        Path folder = Files.createDirectories(home.resolve("docs"));
        Path inner = TestFiles.randomFile(
                Files.createDirectories(folder.resolve("sub")).resolve("inner.txt"), 5000);
        dragged = files(file, folder);
        robot.drag("#test-drag-source").dropTo("#send-drop-zone");
        awaitSummary("2 items · 2 files · 3.0 MiB");

        robot.clickOn("#send-start");
        String code = awaitCode(robot);

        Code parsed = Code.parse(code);
        assertThat(parsed.value()).as("already normalised").isEqualTo(code);
        String[] parts = code.split("-");
        assertThat(parts).hasSize(4);
        assertThat(Integer.parseInt(parts[0])).isBetween(1, 9999);
        assertThat(Arrays.stream(parts).skip(1)).allMatch(Wordlist.english()::contains);
        assertThat(decodeQr(robot)).as("the QR code as drawn on screen").isEqualTo(code);
        assertThat(robot.lookup("#send-status").queryLabeled().getText()).isEqualTo("Waiting for the receiver…");

        robot.clickOn("#send-copy");
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(code);
        assertThat(shown(robot.lookup("#send-copied").query())).isTrue();

        Path target = Files.createDirectories(home.resolve("received"));
        TransferResult received = P2pCopy.receive(
                        code,
                        ReceiveOptions.builder(URI.create(relay.url()), target).build())
                .result()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(received.fileCount()).isEqualTo(2);
        assertThat(TestFiles.sha256(target.resolve("data.bin"))).isEqualTo(TestFiles.sha256(file));
        assertThat(TestFiles.sha256(target.resolve("docs/sub/inner.txt"))).isEqualTo(TestFiles.sha256(inner));

        Await.until(() -> fx(() -> controller.model().phaseProperty().get() == SendPhase.ENDED), WAIT, "the end");
        assertThat(robot.lookup("#send-outcome").queryLabeled().getText()).isEqualTo("Sent");
        assertThat(robot.lookup("#send-outcome").query().getStyleClass()).contains("success-text");
        assertThat(robot.lookup("#send-outcome-detail").queryLabeled().getText())
                .startsWith("2 files, 3.0 MiB in ");
        assertThat(shown(robot.lookup("#send-cancel").query())).isFalse();
        assertThat(shown(robot.lookup("#send-try-again").query())).isFalse();

        robot.clickOn("#send-more");
        assertThat(controller.model().phaseProperty().get()).isEqualTo(SendPhase.CHOOSING);
        assertThat(controller.model().entries()).isEmpty();
        assertThat(shown(robot.lookup("#send-drop-zone").query())).isTrue();
    }

    @Test
    void escapeCancelsWhileWaitingAndTryAgainSendsUnderANewCode(FxRobot robot) throws Exception {
        Path file = TestFiles.randomFile(home.resolve("x.bin"), 64);
        drop(robot, file);
        robot.interact(() -> robot.lookup("#send-list").query().requestFocus());
        robot.type(KeyCode.ENTER); // Start is the default button
        String first = awaitCode(robot);
        TransferItem item = controller.model().itemProperty().get();

        robot.type(KeyCode.ESCAPE);
        Await.until(() -> fx(() -> item.stateProperty().get() == TransferState.CANCELLED), WAIT, "cancelled");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#send-outcome").queryLabeled().getText()).isEqualTo("Cancelled");
        assertThat(shown(robot.lookup("#send-code-card").query())).isFalse();
        assertThat(robot.lookup("#send-more").queryButton().getText()).isEqualTo("Ne_w transfer");

        robot.clickOn("#send-try-again");
        String second = awaitCode(robot);
        TransferItem again = controller.model().itemProperty().get();
        assertThat(again).isNotSameAs(item);
        assertThat(second).isNotEqualTo(first);
        assertThat(again.sources()).containsExactly(file);
        assertThat(app.context.transfers().items()).containsExactly(again);

        robot.clickOn("#send-cancel");
        Await.until(() -> fx(() -> again.stateProperty().get() == TransferState.CANCELLED), WAIT, "cancelled");
        robot.clickOn("#send-more");
        assertThat(controller.model().entries()).isEmpty();
        assertThat(controller.model().itemProperty().get()).isNull();
    }

    @Test
    void aRelayThatDoesNotAnswerLeavesTheCodePendingAndEscapeStillCancels(FxRobot robot) throws Exception {
        try (java.net.ServerSocket silent =
                new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            app.context.settings().relayUrlProperty().set("ws://127.0.0.1:" + silent.getLocalPort());
            drop(robot, TestFiles.randomFile(home.resolve("y.bin"), 64));
            robot.clickOn("#send-start");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(shown(robot.lookup("#send-getting-code").query())).isTrue();
            assertThat(shown(robot.lookup("#send-code").query())).isFalse();
            assertThat(shown(robot.lookup("#send-qr").query())).isFalse();
            TransferItem item = controller.model().itemProperty().get();

            robot.type(KeyCode.ESCAPE);
            Await.until(() -> fx(() -> item.stateProperty().get() == TransferState.CANCELLED), WAIT, "cancelled");
        }
    }

    @Test
    void aFailureIsShownInOneSentenceWithTryAgain(FxRobot robot) throws Exception {
        int closedPort = Ports.free();
        app.context.settings().relayUrlProperty().set("ws://127.0.0.1:" + closedPort);
        drop(robot, TestFiles.randomFile(home.resolve("z.bin"), 64));
        robot.clickOn("#send-start");
        Await.until(() -> fx(() -> controller.model().phaseProperty().get() == SendPhase.ENDED), WAIT, "failure");
        TransferItem item = controller.model().itemProperty().get();

        assertThat(item.stateProperty().get()).isEqualTo(TransferState.FAILED);
        String sentence = robot.lookup("#send-outcome").queryLabeled().getText();
        assertThat(sentence)
                .isEqualTo(item.failureProperty().get())
                .isNotBlank()
                .doesNotContain("\n");
        assertThat(robot.lookup("#send-outcome").query().getStyleClass()).contains("error-text");
        assertThat(shown(robot.lookup("#send-try-again").query())).isTrue();
    }

    @Test
    void theChooseButtonsAddWhatTheDialogsReturn(FxRobot robot) throws Exception {
        Path one = TestFiles.randomFile(home.resolve("one.txt"), 10);
        Path two = TestFiles.randomFile(home.resolve("two.txt"), 20);
        Path folder = Files.createDirectories(home.resolve("pics"));
        chooserAnswer = List.of(one, two);
        robot.clickOn("#send-choose-files");
        chooserAnswer = List.of(folder);
        robot.clickOn("#send-choose-folder");
        chooserAnswer = List.of();
        robot.clickOn("#send-choose-files"); // cancelled: nothing changes

        awaitSummary("3 items · 2 files · 30 B");
        assertThat(rows(robot)).containsExactly("one.txt | 10 B", "two.txt | 20 B", "pics | Empty folder");
        assertThat(dialogCalls).containsExactly("files in null", "folder in " + home, "files in " + home);
    }

    @Test
    void keyboardTabOrderMnemonicsAndShowInTransfers(FxRobot robot) throws Exception {
        drop(robot, TestFiles.randomFile(home.resolve("k.bin"), 10));
        robot.interact(() -> dropZone().requestFocus());
        robot.type(KeyCode.TAB);
        assertThat(focusedId(robot)).isEqualTo("send-choose-files");
        robot.type(KeyCode.TAB);
        assertThat(focusedId(robot)).isEqualTo("send-choose-folder");
        robot.type(KeyCode.TAB);
        assertThat(focusedId(robot)).isEqualTo("send-list");
        robot.type(KeyCode.TAB);
        assertThat(focusedId(robot)).isEqualTo("send-start");

        robot.interact(() -> dropZone().requestFocus());
        chooserAnswer = List.of();
        robot.type(KeyCode.SPACE);
        assertThat(dialogCalls)
                .as("Space on the drop zone opens the file dialog")
                .hasSize(1);

        assertThat(List.of("#send-choose-files", "#send-choose-folder", "#send-start").stream()
                        .map(id -> robot.lookup(id).queryButton())
                        .filter(Button::isMnemonicParsing)
                        .map(Button::getText))
                .containsExactly("Choose _files…", "Choose f_older…", "St_art");

        robot.clickOn("#send-start");
        awaitCode(robot);
        assertThat(robot.lookup("#send-copy").queryButton().getText()).isEqualTo("_Copy");
        assertThat(robot.lookup("#send-cancel").queryButton().isCancelButton()).isTrue();
        robot.clickOn("#send-show-transfers");
        assertThat(app.context.screenProperty().get()).isEqualTo(Screen.TRANSFERS);
    }

    private DropZone dropZone() {
        return controller.sendView().dropZone();
    }

    /**
     * Hands {@code paths} to the drop zone as its drop handler does, without the robot's slow
     * drag (the tests of the gesture itself drag for real).
     */
    private void drop(FxRobot robot, Path... paths) {
        robot.interact(
                () -> dropZone().accept(Arrays.stream(paths).map(Path::toFile).toList()));
    }

    private static ClipboardContent files(Path... paths) {
        ClipboardContent content = new ClipboardContent();
        content.putFiles(Arrays.stream(paths).map(Path::toFile).toList());
        return content;
    }

    private String notice(FxRobot robot) {
        Label notice = robot.lookup("#send-notice").queryAs(Label.class);
        assertThat(shown(notice)).isTrue();
        return notice.getText();
    }

    private void awaitSummary(String expected) throws Exception {
        Await.until(
                () -> fx(() -> controller.model().summaryProperty().get().equals(expected)),
                WAIT,
                "the summary " + expected + " (now "
                        + controller.model().summaryProperty().get() + ")");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String awaitCode(FxRobot robot) throws Exception {
        Await.until(() -> fx(() -> !controller.model().codeProperty().get().isEmpty()), WAIT, "a code");
        WaitForAsyncUtils.waitForFxEvents();
        Label code = robot.lookup("#send-code").queryAs(Label.class);
        assertThat(shown(code)).isTrue();
        assertThat(code.getStyleClass()).contains("code-display");
        return code.getText();
    }

    /** The visible rows of the list as "name | size", top to bottom. */
    private static List<String> rows(FxRobot robot) {
        return robot.lookup("#send-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> !cell.isEmpty() && cell.getItem() != null && cell.isVisible())
                .sorted(Comparator.comparingInt(ListCell::getIndex))
                .map(cell -> ((Label) cell.lookup(".send-entry-name")).getText() + " | "
                        + ((Label) cell.lookup(".send-entry-size")).getText())
                .toList();
    }

    private static Node removeButtonOf(FxRobot robot, String name) {
        return robot.lookup("#send-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> !cell.isEmpty()
                        && cell.isVisible()
                        && cell.getItem() instanceof SendEntry e
                        && e.name().equals(name))
                .map(cell -> cell.lookup(".send-remove"))
                .findFirst()
                .orElseThrow();
    }

    private static String focusedId(FxRobot robot) {
        Node owner = robot.targetWindow().getScene().getFocusOwner();
        return owner == null ? null : owner.getId();
    }

    /** Decodes the QR code from the pixels the screen renders. */
    private static String decodeQr(FxRobot robot) throws Exception {
        ImageView qr = robot.lookup("#send-qr").queryAs(ImageView.class);
        return QrDecoder.decode(fx(() -> qr.snapshot(null, null)));
    }
}
