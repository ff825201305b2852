package dev.p2pcopy.desktop.testing;

import dev.p2pcopy.desktop.app.AppContext;
import dev.p2pcopy.desktop.relay.DefaultRelay;
import dev.p2pcopy.desktop.settings.SettingsStore;
import dev.p2pcopy.desktop.system.KeepAwake;
import dev.p2pcopy.desktop.system.Notifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * An {@link AppContext} for GUI tests: settings in a folder of the test's own, transfers through
 * the given relay, and a notifier and keep-awake that record what they are asked.
 */
public final class TestApp {
    /** Every notification shown, as "title: text". */
    public final List<String> notifications = new CopyOnWriteArrayList<>();
    /** Holds taken and not yet released. */
    public final List<String> awakeHolds = new CopyOnWriteArrayList<>();
    /** The context; build the screens on it. */
    public final AppContext context;
    /** Where the settings file lives. */
    public final Path configFile;
    /** The default download folder. */
    public final Path downloads;

    /**
     * A context whose relay setting is {@code relayUrl} (the relay of the test).
     *
     * @param home a temporary folder for settings and downloads
     */
    public TestApp(String relayUrl, Path home) throws IOException {
        // No relay probing in tests: an empty relay setting must never reach the default port.
        this(new DefaultRelay("127.0.0.1", 1, name -> relayUrl), home);
        context.settings().relayUrlProperty().set(relayUrl);
    }

    /**
     * A context with an empty relay setting, so that {@code relays} decides: e.g. a default relay
     * on a free port, started inside the first app that needs it.
     *
     * @param home a temporary folder for settings and downloads
     */
    public TestApp(DefaultRelay relays, Path home) throws IOException {
        configFile = home.resolve("config").resolve("settings.json");
        downloads = Files.createDirectories(home.resolve("Downloads"));
        Notifier notifier = (title, text, failure) -> notifications.add(title + ": " + text);
        KeepAwake keepAwake = reason -> {
            awakeHolds.add(reason);
            return () -> awakeHolds.remove(reason);
        };
        context = new AppContext(new SettingsStore(configFile, downloads), relays, keepAwake, notifier);
    }

    /** Shows {@code root}, a screen alone, on {@code stage} in a scene of this size and this app's theme. */
    public void show(Stage stage, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        context.settings().themeProperty().get().applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }
}
