package dev.p2pcopy.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.app.AppContext;
import dev.p2pcopy.desktop.app.MainWindow;
import dev.p2pcopy.desktop.app.Screen;
import dev.p2pcopy.desktop.relay.DefaultRelay;
import dev.p2pcopy.desktop.system.KeepAwake;
import dev.p2pcopy.desktop.system.Notifier;
import dev.p2pcopy.desktop.testing.Await;
import dev.p2pcopy.desktop.testing.Png;
import dev.p2pcopy.desktop.testing.TestApp;
import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.protocol.Compression;
import dev.p2pcopy.protocol.ConflictPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Settings screen inside the real main window, driven like a person would. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class SettingsScreenTest {
    private static final Duration SAVED = Duration.ofSeconds(10);
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path home;

    private TestApp app;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        app = new TestApp("", home);
        app.context.screenProperty().set(Screen.SETTINGS);
        window = new MainWindow(app.context);
        window.showOn(stage);
        stage.setWidth(1000); // the stage is shared by the tests: undo the sizes of the last one
        stage.setHeight(700);
    }

    @AfterEach
    void close() {
        app.context.close();
    }

    private Settings saved() {
        return new SettingsStore(app.configFile, app.downloads).load();
    }

    /** Clicks {@code query} after focusing it, which scrolls it into view like Tab does. */
    private static FxRobotInterface click(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(node::requestFocus);
        return robot.clickOn(node);
    }

    private static void pick(FxRobot robot, String box, String item) {
        click(robot, box).clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void settingsSurviveARestartOfTheViewModel(FxRobot robot) throws Exception {
        click(robot, "#settings-relay").write("ws://127.0.0.1:4567", 0).type(KeyCode.ENTER);
        pick(robot, "#settings-theme", "Dark");
        Label unencrypted = robot.lookup("#settings-encrypt-warning").queryAs(Label.class);
        assertThat(unencrypted.isVisible()).isFalse();
        click(robot, "#settings-encrypt");
        assertThat(unencrypted.isVisible()).isTrue();
        assertThat(unencrypted.getStyleClass()).contains("warning-text");
        assertThat(unencrypted.getText()).contains("unencrypted");
        pick(robot, "#settings-chunk-size", "4 MiB");

        Settings expected = new Settings(
                "ws://127.0.0.1:4567",
                "",
                app.downloads,
                Compression.AUTO,
                false,
                4 * MIB,
                ConflictPolicy.RENAME,
                Theme.DARK,
                true);
        Await.until(() -> saved().equals(expected), SAVED, "the changed settings in " + app.configFile);

        // A restart: a new store on the same file, a new context and model, a new screen.
        AtomicReference<AppContext> restarted = new AtomicReference<>();
        AtomicReference<Parent> screen = new AtomicReference<>();
        robot.interact(() -> {
            restarted.set(new AppContext(
                    new SettingsStore(app.configFile, app.downloads),
                    new DefaultRelay("127.0.0.1", 1, name -> null),
                    KeepAwake.NONE,
                    Notifier.NONE));
            screen.set(new SettingsController(restarted.get()).view().root());
            stage.setScene(new Scene(screen.get(), 1000, 700));
        });
        try {
            SettingsModel model = restarted.get().settings();
            assertThat(model.snapshot()).isEqualTo(expected);
            assertThat(model.relayUrlProperty().get()).isEqualTo("ws://127.0.0.1:4567");
            assertThat(model.themeProperty().get()).isEqualTo(Theme.DARK);
            assertThat(model.encryptProperty().get()).isFalse();
            assertThat(model.chunkSizeProperty().get()).isEqualTo(4 * MIB);

            assertThat(((TextField) screen.get().lookup("#settings-relay")).getText())
                    .isEqualTo("ws://127.0.0.1:4567");
            assertThat(((ComboBox<?>) screen.get().lookup("#settings-theme")).getValue())
                    .isEqualTo(Theme.DARK);
            assertThat(((CheckBox) screen.get().lookup("#settings-encrypt")).isSelected())
                    .isFalse();
            assertThat(((ComboBox<?>) screen.get().lookup("#settings-chunk-size")).getValue())
                    .isEqualTo(4 * MIB);
            assertThat(screen.get().lookup("#settings-encrypt-warning").isVisible())
                    .isTrue();
        } finally {
            restarted.get().close();
        }
    }

    @Test
    void anInvalidRelayAddressIsExplainedAndNotSaved(FxRobot robot) throws Exception {
        TextField relay = robot.lookup("#settings-relay").queryAs(TextField.class);
        Label error = robot.lookup("#settings-relay-error").queryAs(Label.class);
        assertThat(error.isVisible()).isFalse();

        click(robot, "#settings-relay").write("http://relay.example", 0).type(KeyCode.ENTER);

        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText())
                .isEqualTo("'http://relay.example' is not a relay address: use ws://HOST:PORT or wss://HOST, or"
                        + " leave the field empty for the default relay.");
        assertThat(error.getStyleClass()).contains("error-text");
        assertThat(relay.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("invalid"));
        assertThat(app.context.settings().relayUrlProperty().get()).isEmpty();

        // Another change is saved; the invalid address is not part of it.
        pick(robot, "#settings-theme", "Dark");
        Await.until(() -> saved().theme() == Theme.DARK, SAVED, "the theme to be saved");
        assertThat(saved().relayUrl()).isEmpty();
        assertThat(error.isVisible()).isTrue(); // leaving the field checked it again

        // Escape gives the saved address back.
        click(robot, "#settings-relay").type(KeyCode.ESCAPE);
        assertThat(relay.getText()).isEmpty();
        assertThat(error.isVisible()).isFalse();

        // A valid address clears the message and is saved.
        robot.interact(() -> relay.setText("wss://relay.example:9443")); // typing was shown above; it is slow
        robot.type(KeyCode.ENTER);
        assertThat(error.isVisible()).isFalse();
        assertThat(relay.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("invalid"));
        Await.until(() -> saved().relayUrl().equals("wss://relay.example:9443"), SAVED, "the relay to be saved");

        // An empty field means the embedded default relay.
        assertThat(relay.getPromptText()).isEqualTo("Embedded default relay");
        robot.push(KeyCode.CONTROL, KeyCode.A).type(KeyCode.BACK_SPACE).type(KeyCode.ENTER);
        assertThat(app.context.settings().relayUrlProperty().get()).isEmpty();
        Await.until(() -> saved().relayUrl().isEmpty(), SAVED, "an empty relay to be saved");
    }

    @Test
    void theThemeSwitchesTheScenesStylesheetsAtOnce(FxRobot robot) {
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("light.css"));

        pick(robot, "#settings-theme", "Dark");

        assertThat(app.context.settings().themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(stage.getScene().getStylesheets())
                .anyMatch(s -> s.endsWith("dark.css"))
                .noneMatch(s -> s.endsWith("light.css"));

        pick(robot, "#settings-theme", "Light");
        assertThat(stage.getScene().getStylesheets())
                .anyMatch(s -> s.endsWith("light.css"))
                .noneMatch(s -> s.endsWith("dark.css"));
    }

    @Test
    void tabGoesTopToBottomAndScrollsEachControlIntoViewAtTheMinimumSize(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(MainWindow.MIN_WIDTH);
            stage.setHeight(MainWindow.MIN_HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#settings-relay").query().requestFocus());
        ScrollPane scroll = (ScrollPane) window.view(Screen.SETTINGS).root();

        List<String> order = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Node focused = stage.getScene().getFocusOwner();
            order.add(focused.getId());
            assertThat(visibleIn(scroll, focused))
                    .as("%s is scrolled into view", focused.getId())
                    .isTrue();
            robot.type(KeyCode.TAB);
        }

        assertThat(order)
                .containsExactly(
                        "settings-relay",
                        "settings-certificate-choose", // Clear is skipped while there is nothing to clear
                        "settings-downloads-choose",
                        "settings-conflict",
                        "settings-compression",
                        "settings-encrypt",
                        "settings-chunk-size",
                        "settings-keep-awake",
                        "settings-theme");
    }

    @Test
    void nothingIsClippedAtTheMinimumSize(FxRobot robot) {
        robot.interact(() -> {
            app.context.settings().encryptProperty().set(false); // the longest sentences show
            app.context
                    .settings()
                    .trustedCertificateProperty()
                    .set(home.resolve("certs/relay.pem").toString());
            stage.setWidth(MainWindow.MIN_WIDTH);
            stage.setHeight(MainWindow.MIN_HEIGHT);
        });
        robot.interact(
                () -> robot.lookup("#settings-relay").queryAs(TextField.class).setText("not a relay"));
        click(robot, "#settings-relay").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane scroll = (ScrollPane) window.view(Screen.SETTINGS).root();
        double right = viewport(scroll).getMaxX();

        List<Labeled> texts = labeled(robot.lookup(".settings-screen").queryAs(Parent.class)).stream()
                .filter(Node::isVisible)
                .filter(l -> !l.getStyleClass().contains("settings-path")) // paths shorten on purpose
                .toList();
        assertThat(texts).hasSizeGreaterThan(15);
        for (Labeled text : texts) {
            Bounds bounds = text.localToScene(text.getLayoutBounds());
            assertThat(bounds.getMaxX())
                    .as("right edge of '%s'", text.getText())
                    .isLessThanOrEqualTo(right + 0.5);
            if (text.isWrapText()) {
                assertThat(text.getHeight())
                        .as("height of '%s'", text.getText())
                        .isGreaterThanOrEqualTo(text.prefHeight(text.getWidth()) - 0.5);
            } else {
                assertThat(text.getWidth())
                        .as("width of '%s'", text.getText())
                        .isGreaterThanOrEqualTo(text.prefWidth(-1) - 0.5);
            }
        }
    }

    private static List<Labeled> labeled(Parent parent) {
        List<Labeled> found = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Labeled l) {
                found.add(l);
            }
            if (child instanceof Parent p) {
                found.addAll(labeled(p));
            }
        }
        return found;
    }

    /** Where the scroll pane shows its content, in the scene. */
    private static Bounds viewport(ScrollPane scroll) {
        Node viewport = scroll.lookup(".viewport");
        return viewport.localToScene(viewport.getLayoutBounds());
    }

    private static boolean visibleIn(ScrollPane scroll, Node node) {
        Bounds viewport = viewport(scroll);
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        return bounds.getMinY() >= viewport.getMinY() - 0.5 && bounds.getMaxY() <= viewport.getMaxY() + 0.5;
    }

    /** Pictures to look at: {@code -Dscreens.dir=/tmp/screens}. */
    @Test
    @EnabledIfSystemProperty(named = Png.DIR_PROPERTY, matches = ".+")
    void rendersTheScreenInBothThemes(FxRobot robot) throws Exception {
        Path folder = Png.dir().orElseThrow();
        for (Theme theme : Theme.values()) {
            String name = theme.name().toLowerCase(java.util.Locale.ROOT);
            robot.interact(() -> {
                app.context.settings().themeProperty().set(theme);
                app.context.settings().encryptProperty().set(true);
                stage.setWidth(1000);
                stage.setHeight(700);
            });
            shoot(robot, folder.resolve("settings-" + name + "-1000.png"));
            robot.interact(() -> {
                app.context.settings().encryptProperty().set(false);
                app.context.settings().trustedCertificateProperty().set("/home/alex/certs/relay.example.pem");
                stage.setWidth(MainWindow.MIN_WIDTH);
                stage.setHeight(MainWindow.MIN_HEIGHT);
            });
            click(robot, "#settings-relay").push(KeyCode.CONTROL, KeyCode.A).write("relay.example:8765", 0);
            robot.type(KeyCode.ENTER);
            shoot(robot, folder.resolve("settings-" + name + "-min-top.png"));
            robot.interact(() -> ((ScrollPane) window.view(Screen.SETTINGS).root()).setVvalue(1));
            shoot(robot, folder.resolve("settings-" + name + "-min-bottom.png"));
            robot.interact(() -> ((ScrollPane) window.view(Screen.SETTINGS).root()).setVvalue(0));
            click(robot, "#settings-relay").type(KeyCode.ESCAPE);
            robot.interact(
                    () -> app.context.settings().trustedCertificateProperty().set(""));
        }
    }

    private void shoot(FxRobot robot, Path file) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Png.write(stage.getScene(), file));
    }
}
