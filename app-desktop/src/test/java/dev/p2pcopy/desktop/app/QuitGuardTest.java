package dev.p2pcopy.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.LoopbackRelay;
import dev.p2pcopy.desktop.testing.TestApp;
import dev.p2pcopy.desktop.transfers.TransferItem;
import dev.p2pcopy.protocol.TransferState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
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

@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class QuitGuardTest {
    @RegisterExtension
    static final LoopbackRelay RELAY = new LoopbackRelay();

    @TempDir
    Path home;

    private TestApp app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        app = new TestApp(RELAY.url(), Files.createTempDirectory("quit-guard"));
        new MainWindow(app.context).showOn(stage);
    }

    @AfterEach
    void close() {
        app.context.close();
    }

    @Test
    void closingWithNothingRunningDoesNotAsk() throws Exception {
        WindowEvent request = closeRequest();
        assertThat(request.isConsumed()).isFalse();
        assertThat(app.context.transfers().activeCountProperty().get()).isZero();
    }

    @Test
    void closingWhileATransferRunsAsksAndKeepRunningKeepsTheWindow(FxRobot robot) throws Exception {
        Path file = Files.writeString(home.resolve("a.txt"), "hello");
        robot.interact(() -> app.context.transfers().send(List.of(file)));
        TransferItem sending = app.context.transfers().items().get(0);
        WaitForAsyncUtils.waitFor(
                30, TimeUnit.SECONDS, () -> sending.stateProperty().get() == TransferState.WAITING_FOR_PEER);

        AtomicReference<WindowEvent> request = askToClose();
        DialogPane question = robot.lookup("#quit-dialog").queryAs(DialogPane.class);
        assertThat(question.getHeaderText()).isEqualTo("A transfer is still running.");
        robot.interact(() -> ((Button) question.lookupButton(QuitGuard.STAY)).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> request.get() != null);
        assertThat(request.get().isConsumed()).as("the close is refused").isTrue();
        assertThat(sending.stateProperty().get()).isEqualTo(TransferState.WAITING_FOR_PEER);

        AtomicReference<WindowEvent> again = askToClose();
        DialogPane second = robot.lookup("#quit-dialog").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) second.lookupButton(QuitGuard.QUIT)).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> again.get() != null);
        assertThat(again.get().isConsumed()).as("the close goes ahead").isFalse();
    }

    /** Hands the window's close handler a request, as the window system would; returns once answered. */
    private AtomicReference<WindowEvent> askToClose() throws Exception {
        AtomicReference<WindowEvent> answered = new AtomicReference<>();
        Platform.runLater(() -> {
            WindowEvent event = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
            stage.getOnCloseRequest().handle(event); // blocks in the question's own event loop
            answered.set(event);
        });
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !new FxRobot().lookup("#quit-dialog").queryAll().isEmpty());
        return answered;
    }

    private WindowEvent closeRequest() throws Exception {
        WindowEvent event = new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST);
        WaitForAsyncUtils.asyncFx(() -> stage.getOnCloseRequest().handle(event)).get(10, TimeUnit.SECONDS);
        return event;
    }
}
