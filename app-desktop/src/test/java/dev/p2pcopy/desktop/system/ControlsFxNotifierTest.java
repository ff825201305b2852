package dev.p2pcopy.desktop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.Await;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Popup;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class ControlsFxNotifierTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(new Label("app")), 600, 400));
        stage.show();
    }

    @Test
    void itFindsTheAppsWindow(FxRobot robot) throws Exception {
        Optional<Window> found =
                WaitForAsyncUtils.asyncFx(ControlsFxNotifier::appWindow).get(5, TimeUnit.SECONDS);
        assertThat(found).containsSame(stage);
    }

    @Test
    void aCompletionShowsAsAPopupOverTheWindow(FxRobot robot) throws Exception {
        ControlsFxNotifier notifier = new ControlsFxNotifier();
        robot.interact(() -> notifier.show("Transfer complete", "1 file, 12 MiB: data.bin", false));
        Await.until(() -> shows(robot, "Transfer complete"), WAIT, "the notification");
        assertThat(shows(robot, "1 file, 12 MiB: data.bin")).isTrue();
    }

    @Test
    void aFailureShowsToo_evenWhenAskedOffTheFxThread(FxRobot robot) throws Exception {
        new ControlsFxNotifier().show("Transfer failed", "The relay could not be reached.", true);
        Await.until(() -> shows(robot, "The relay could not be reached."), WAIT, "the notification");
    }

    @Test
    void withoutAWindowItShowsNothingAndThrowsNothing(FxRobot robot) {
        try (LogRecorder log = LogRecorder.of(ControlsFxNotifier.class)) {
            ControlsFxNotifier notifier = new ControlsFxNotifier(Optional::empty);
            robot.interact(() -> notifier.show("Nobody sees this", "text", false));
            assertThat(shows(robot, "Nobody sees this")).isFalse();
            assertThat(log.messages).containsExactly("Nobody sees this: text (no window to show the notification on)");
        }
    }

    @Test
    void aWindowThatCannotHoldANotificationIsNotAProblem(FxRobot robot) throws Exception {
        Callable<Popup> create = Popup::new;
        Popup ownerless = WaitForAsyncUtils.asyncFx(create).get(5, TimeUnit.SECONDS); // belongs to no window
        try (LogRecorder log = LogRecorder.of(ControlsFxNotifier.class)) {
            ControlsFxNotifier notifier = new ControlsFxNotifier(() -> Optional.of(ownerless));
            robot.interact(() -> notifier.show("Not shown", "text", true));
            assertThat(shows(robot, "Not shown")).isFalse();
            assertThat(log.messages)
                    .singleElement()
                    .asString()
                    .startsWith("Not shown: text (the notification could not be shown: ");
        }
    }

    private static boolean shows(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Label l && text.equals(l.getText()) && n.isVisible())
                .tryQuery()
                .isPresent();
    }
}
