package dev.p2pcopy.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.relay.DefaultRelay;
import dev.p2pcopy.desktop.send.DropZone;
import dev.p2pcopy.desktop.testing.Ports;
import dev.p2pcopy.desktop.testing.TestApp;
import dev.p2pcopy.desktop.testing.TestFiles;
import dev.p2pcopy.desktop.transfers.TransferItem;
import dev.p2pcopy.protocol.TransferState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two app windows, as two people would use them: one sends through its Send screen, the other
 * receives through its Receive screen and the accept dialog. Neither has a relay configured, so
 * the first to need one starts the embedded default relay and the second finds it running.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class AppToAppTest {
    @TempDir
    Path home;

    @Test
    void filesDroppedOnOneAppArriveIdenticalInTheOtherThroughTheEmbeddedRelay(FxRobot robot) throws Exception {
        DefaultRelay relays = new DefaultRelay("127.0.0.1", Ports.free(), name -> null);
        TestApp alice = new TestApp(relays, home.resolve("alice"));
        TestApp bob = new TestApp(relays, home.resolve("bob"));
        Path photos = Files.createDirectories(home.resolve("alice/Pictures/trip"));
        TestFiles.randomFile(photos.resolve("a.jpg"), 3 * TestFiles.MIB + 17);
        TestFiles.randomFile(photos.resolve("b.jpg"), 70_000);
        Path notes = Files.writeString(home.resolve("alice/notes.txt"), "bring the charger\n");
        Stage[] stages = new Stage[2];
        robot.interact(() -> {
            stages[0] = window(alice);
            stages[1] = window(bob);
        });
        Scene a = stages[0].getScene();
        Scene b = stages[1].getScene();
        try {
            robot.interact(
                    () -> ((DropZone) a.lookup("#send-drop-zone")).accept(List.of(photos.toFile(), notes.toFile())));
            waitFor(() -> !a.lookup("#send-start").isDisabled(), "the list");
            robot.interact(() -> ((Button) a.lookup("#send-start")).fire());
            TransferItem sending = alice.context.transfers().items().get(0);
            waitFor(() -> !((Labeled) a.lookup("#send-code")).getText().isBlank(), "the code on screen");
            String code = ((Labeled) a.lookup("#send-code")).getText();
            assertThat(code).isEqualTo(sending.codeProperty().get());

            robot.interact(() -> {
                bob.context.screenProperty().set(Screen.RECEIVE);
                ((TextField) b.lookup("#receive-code")).setText(" " + code.toUpperCase(java.util.Locale.ROOT) + " ");
                ((Button) b.lookup("#receive-start")).fire();
            });
            waitFor(() -> robot.lookup("#accept-dialog-accept").tryQuery().isPresent(), "the accept dialog");
            assertThat(robot.lookup("#accept-summary").queryLabeled().getText()).contains("3 files");
            robot.interact(
                    () -> robot.lookup("#accept-dialog-accept").queryButton().fire());

            TransferItem receiving = bob.context.transfers().items().get(0);
            waitFor(() -> receiving.stateProperty().get().isTerminal(), "the end on the receiving side");
            waitFor(() -> sending.stateProperty().get().isTerminal(), "the end on the sending side");
            assertThat(receiving.stateProperty().get()).isEqualTo(TransferState.DONE);
            assertThat(sending.stateProperty().get()).isEqualTo(TransferState.DONE);
            assertThat(TestFiles.listing(bob.downloads)).containsExactly("notes.txt", "trip");
            assertThat(TestFiles.listing(bob.downloads.resolve("trip"))).containsExactly("a.jpg", "b.jpg");
            for (String name : List.of("trip/a.jpg", "trip/b.jpg")) {
                assertThat(TestFiles.sha256(bob.downloads.resolve(name)))
                        .isEqualTo(
                                TestFiles.sha256(home.resolve("alice/Pictures").resolve(name)));
            }
            assertThat(Files.readString(bob.downloads.resolve("notes.txt"))).isEqualTo("bring the charger\n");
            waitFor(() -> ((Labeled) b.lookup("#receive-status")).getText().contains("Received"), "Received on screen");
            assertThat(alice.notifications).anyMatch(n -> n.startsWith("Transfer complete"));
            assertThat(bob.notifications).anyMatch(n -> n.startsWith("Transfer complete"));
            assertThat(alice.awakeHolds).isEmpty();
        } finally {
            robot.interact(() -> {
                bob.context.close();
                alice.context.close(); // stops the embedded relay it started
                stages[0].close();
                stages[1].close();
            });
        }
    }

    private static Stage window(TestApp app) {
        Stage stage = new Stage();
        new MainWindow(app.context).showOn(stage);
        return stage;
    }

    private static void waitFor(Callable<Boolean> condition, String what) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what, e);
        }
    }
}
