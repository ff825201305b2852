package dev.p2pcopy.desktop.app;

import dev.p2pcopy.desktop.relay.DefaultRelay;
import dev.p2pcopy.desktop.settings.SettingsStore;
import dev.p2pcopy.desktop.system.ControlsFxNotifier;
import dev.p2pcopy.desktop.system.KeepAwakes;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: the main window on the standard settings, relay and OS services. */
public final class DesktopApp extends Application {
    private AppContext context;

    /** Reads the settings and the saved transfers on the launcher thread, not the FX thread. */
    @Override
    public void init() {
        context = new AppContext(
                SettingsStore.standard(),
                DefaultRelay.standard(),
                KeepAwakes.forThisSystem(),
                new ControlsFxNotifier());
    }

    @Override
    public void start(Stage stage) {
        new MainWindow(context).showOn(stage);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
