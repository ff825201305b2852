package dev.p2pcopy.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.app.AppContext;
import dev.p2pcopy.desktop.relay.DefaultRelay;
import dev.p2pcopy.desktop.system.KeepAwake;
import dev.p2pcopy.desktop.system.Notifier;
import dev.p2pcopy.desktop.testing.Await;
import dev.p2pcopy.desktop.testing.NoDialogs;
import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.protocol.Compression;
import dev.p2pcopy.protocol.ConflictPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The parts of the Settings screen that go through dialogs, and what it says when the file misbehaves. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class SettingsControllerTest {
    private static final Duration SAVED = Duration.ofSeconds(10);

    @TempDir
    Path home;

    private Stage stage;
    private Path downloads;
    private Path file;
    private final Answers answers = new Answers();
    private final List<AppContext> contexts = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void folders() throws IOException {
        downloads = Files.createDirectories(home.resolve("Downloads"));
        file = home.resolve("config").resolve(SettingsStore.FILE_NAME);
    }

    @AfterEach
    void close() {
        contexts.forEach(AppContext::close);
    }

    /** The screen on a fresh context whose settings live in {@code store}. */
    private AppContext show(FxRobot robot, SettingsStore store) {
        AtomicReference<AppContext> context = new AtomicReference<>();
        robot.interact(() -> {
            context.set(new AppContext(
                    store, new DefaultRelay("127.0.0.1", 1, name -> null), KeepAwake.NONE, Notifier.NONE));
            Scene scene = new Scene(
                    new SettingsController(context.get(), answers).view().root(), 1000, 800);
            Theme.LIGHT.applyTo(scene);
            stage.setScene(scene);
            stage.setWidth(1000);
            stage.setHeight(800);
            stage.show();
        });
        contexts.add(context.get());
        return context.get();
    }

    private Settings saved() {
        return new SettingsStore(file, downloads).load();
    }

    private Path pem() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("self-signed.pem")) {
            Path pem = Files.createDirectories(home.resolve("certs")).resolve("relay.pem");
            Files.copy(in, pem);
            return pem;
        }
    }

    @Test
    void aChosenCertificateIsCheckedShownAndSavedAndClearRemovesIt(FxRobot robot) throws Exception {
        AppContext context = show(robot, new SettingsStore(file, downloads));
        Label path = robot.lookup("#settings-certificate-path").queryAs(Label.class);
        Label error = robot.lookup("#settings-certificate-error").queryAs(Label.class);
        Button clear = robot.lookup("#settings-certificate-clear").queryAs(Button.class);
        assertThat(clear.isDisabled()).isTrue();

        Path pem = pem();
        answers.certificate = pem;
        robot.clickOn("#settings-certificate-choose");

        assertThat(answers.asked).containsExactly("certificate from null");
        assertThat(context.settings().trustedCertificateProperty().get()).isEqualTo(pem.toString());
        assertThat(path.getText()).isEqualTo(pem.toString());
        assertThat(error.isVisible()).isFalse();
        assertThat(clear.isDisabled()).isFalse();
        Await.until(() -> saved().trustedCertificate().equals(pem.toString()), SAVED, "the certificate to be saved");

        // A file that holds no certificate is refused with a sentence; the trusted one stays.
        answers.certificate = Files.writeString(home.resolve("notes.txt"), "not a certificate");
        robot.clickOn("#settings-certificate-choose");

        assertThat(answers.asked).last().isEqualTo("certificate from " + pem);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText())
                .isEqualTo(
                        "The file " + home.resolve("notes.txt") + " does not hold a certificate (PEM or DER X.509).");
        assertThat(context.settings().trustedCertificateProperty().get()).isEqualTo(pem.toString());

        answers.certificate = home.resolve("missing.pem");
        robot.clickOn("#settings-certificate-choose");
        assertThat(error.getText()).isEqualTo("The file " + home.resolve("missing.pem") + " cannot be read.");

        robot.clickOn(clear);

        assertThat(context.settings().trustedCertificateProperty().get()).isEmpty();
        assertThat(error.isVisible()).isFalse();
        assertThat(path.getText()).isEqualTo("None: only certificates the system trusts");
        assertThat(clear.isDisabled()).isTrue();
        Await.until(() -> saved().trustedCertificate().isEmpty(), SAVED, "no certificate to be saved");
    }

    @Test
    void cancellingTheCertificateDialogChangesNothing(FxRobot robot) {
        AppContext context = show(robot, new SettingsStore(file, downloads));
        answers.certificate = null;

        robot.clickOn("#settings-certificate-choose");

        assertThat(answers.asked).containsExactly("certificate from null");
        assertThat(context.settings().trustedCertificateProperty().get()).isEmpty();
        assertThat(robot.lookup("#settings-certificate-error").query().isVisible())
                .isFalse();
    }

    @Test
    void aChosenDownloadFolderIsShownAndSaved(FxRobot robot) throws Exception {
        AppContext context = show(robot, new SettingsStore(file, downloads));
        Path elsewhere = Files.createDirectories(home.resolve("Received files"));
        answers.folder = elsewhere;

        robot.clickOn("#settings-downloads-choose");

        assertThat(answers.asked).containsExactly("folder from " + downloads);
        assertThat(context.settings().downloadFolderProperty().get()).isEqualTo(elsewhere);
        assertThat(robot.lookup("#settings-downloads-path").queryAs(Label.class).getText())
                .isEqualTo(elsewhere.toString());
        Await.until(() -> saved().downloadFolder().equals(elsewhere), SAVED, "the folder to be saved");

        answers.folder = null; // cancelled
        robot.clickOn("#settings-downloads-choose");
        assertThat(context.settings().downloadFolderProperty().get()).isEqualTo(elsewhere);
    }

    @Test
    void everyChoiceIsSavedAndAppliesAtOnce(FxRobot robot) throws Exception {
        AppContext context = show(robot, new SettingsStore(file, downloads));

        robot.clickOn("#settings-compression").clickOn("Off");
        robot.clickOn("#settings-conflict").clickOn("Replace the existing file");
        robot.clickOn("#settings-keep-awake");
        WaitForAsyncUtils.waitForFxEvents();

        SettingsModel model = context.settings();
        assertThat(model.compressionProperty().get()).isEqualTo(Compression.NONE);
        assertThat(model.conflictPolicyProperty().get()).isEqualTo(ConflictPolicy.OVERWRITE);
        assertThat(model.keepAwakeProperty().get()).isFalse();
        Await.until(
                () -> {
                    Settings s = saved();
                    return s.compression() == Compression.NONE
                            && s.conflictPolicy() == ConflictPolicy.OVERWRITE
                            && !s.keepAwake();
                },
                SAVED,
                "the choices to be saved");
    }

    @Test
    void whatWasWrongWithTheSavedFileIsShownOnTheScreen(FxRobot robot) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"theme\": \"DARK\", \"chunkSize\": 3}");

        AppContext context = show(robot, new SettingsStore(file, downloads));

        Label problem = robot.lookup("#settings-load-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText())
                .isEqualTo("Some saved settings were not valid (chunk size) and are back to their defaults; the old"
                        + " file is kept as " + file + ".bad.");
        assertThat(context.settings().themeProperty().get()).isEqualTo(Theme.DARK);
    }

    @Test
    void aChunkSizeSetByHandStaysSelectable(FxRobot robot) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"chunkSize\": 100000}");

        show(robot, new SettingsStore(file, downloads));

        ComboBox<?> sizes = robot.lookup("#settings-chunk-size").queryAs(ComboBox.class);
        assertThat(sizes.getValue()).isEqualTo(100_000);
        assertThat(sizes.getItems()).hasSize(10).element(1).isEqualTo(100_000);
        Labeled shown = (Labeled) sizes.getChildrenUnmodifiable().stream() // the closed box's cell
                .filter(node -> node instanceof ListCell)
                .findFirst()
                .orElseThrow();
        assertThat(shown.getText()).isEqualTo("97.7 KiB");
    }

    @Test
    void aFailedSaveIsShownInOneSentenceAndClearedByTheNextGoodOne(FxRobot robot) throws Exception {
        Path blocked = home.resolve("blocked");
        Files.writeString(blocked, "a file where the config folder should be");
        Path inside = blocked.resolve(SettingsStore.FILE_NAME);
        AppContext context = show(robot, new SettingsStore(inside, downloads));
        Label error = robot.lookup("#settings-save-error").queryAs(Label.class);
        assertThat(error.isVisible()).isFalse();

        robot.interact(() -> context.settings().themeProperty().set(Theme.DARK));

        Await.until(error::isVisible, SAVED, "the save error");
        assertThat(error.getText())
                .isEqualTo("The settings could not be saved to " + inside + " (a file is in the way of the folder "
                        + blocked + ").");
        assertThat(error.getStyleClass()).contains("error-text");

        Files.delete(blocked);
        robot.interact(() -> context.settings().themeProperty().set(Theme.LIGHT));

        Await.until(() -> !error.isVisible(), SAVED, "the save error to go");
        assertThat(new SettingsStore(inside, downloads).load().theme()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void everyLabelsMnemonicReachesItsControl(FxRobot robot) {
        answers.folder = null; // both dialogs are cancelled
        Map<KeyCode, String> mnemonics = new LinkedHashMap<>();
        mnemonics.put(KeyCode.A, "settings-relay");
        mnemonics.put(KeyCode.C, "settings-certificate-choose");
        mnemonics.put(KeyCode.D, "settings-downloads-choose");
        mnemonics.put(KeyCode.I, "settings-conflict");
        mnemonics.put(KeyCode.M, "settings-compression");
        mnemonics.put(KeyCode.E, "settings-encrypt");
        mnemonics.put(KeyCode.Z, "settings-chunk-size");
        mnemonics.put(KeyCode.K, "settings-keep-awake");
        mnemonics.put(KeyCode.H, "settings-theme");
        AppContext context = show(robot, new SettingsStore(file, downloads));
        robot.interact(() -> robot.lookup("#settings-theme").query().requestFocus());

        for (Map.Entry<KeyCode, String> mnemonic : mnemonics.entrySet()) {
            // Monocle's robot does not hold Alt down, so the key event is built with it.
            robot.interact(() -> {
                Node target = stage.getScene().getFocusOwner();
                String letter = mnemonic.getKey().getChar().toLowerCase(Locale.ROOT);
                Event.fireEvent(
                        target,
                        new KeyEvent(
                                KeyEvent.KEY_PRESSED, letter, letter, mnemonic.getKey(), false, false, true, false));
                Event.fireEvent(
                        target,
                        new KeyEvent(
                                KeyEvent.KEY_RELEASED, letter, letter, mnemonic.getKey(), false, false, true, false));
            });
            assertThat(stage.getScene().getFocusOwner().getId())
                    .as("Alt+%s", mnemonic.getKey())
                    .isEqualTo(mnemonic.getValue());
        }
        // On a button the mnemonic also presses it.
        assertThat(answers.asked).containsExactly("certificate from null", "folder from " + downloads);
        assertThat(context.settings().snapshot()).isEqualTo(Settings.defaults(downloads));
    }

    /** Answers the dialogs as the test says, and records what was asked. */
    private static final class Answers extends NoDialogs {
        private final List<String> asked = new ArrayList<>();
        private Path certificate;
        private Path folder;

        @Override
        public Optional<Path> certificate(Window owner, String title, Path startIn) {
            assertThat(owner).isNotNull();
            asked.add("certificate from " + startIn);
            return Optional.ofNullable(certificate);
        }

        @Override
        public Optional<Path> folder(Window owner, String title, Path startIn) {
            assertThat(owner).isNotNull();
            asked.add("folder from " + startIn);
            return Optional.ofNullable(folder);
        }
    }
}
