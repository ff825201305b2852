package dev.p2pcopy.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.TestApp;
import dev.p2pcopy.desktop.theme.Theme;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class MainWindowTest {
    @TempDir
    static Path home;

    private TestApp app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        app = new TestApp("ws://127.0.0.1:9", home);
        new MainWindow(app.context).showOn(stage);
    }

    @AfterEach
    void close() {
        app.context.close();
    }

    @Test
    void theNavigationSwitchesScreensByClickAndByKeyboard(FxRobot robot) {
        robot.clickOn("#nav-receive");
        assertThat(app.context.screenProperty().get()).isEqualTo(Screen.RECEIVE);
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.context.screenProperty().get()).isEqualTo(Screen.SETTINGS);
    }

    @Test
    void theWindowHasATitleAndAMinimumSize() {
        assertThat(stage.getTitle()).isEqualTo("p2p-copy");
        assertThat(stage.getMinWidth()).isEqualTo(MainWindow.MIN_WIDTH);
    }

    @Test
    void theThemeChangesWithoutARestart(FxRobot robot) {
        robot.interact(() -> app.context.settings().themeProperty().set(Theme.DARK));
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));
        robot.interact(() -> app.context.settings().themeProperty().set(Theme.LIGHT));
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("light.css"));
    }
}
