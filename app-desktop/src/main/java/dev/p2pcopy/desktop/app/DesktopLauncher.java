package dev.p2pcopy.desktop.app;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts the desktop app. It does not extend {@link Application} itself, so that JavaFX can run
 * from the class path (as {@code ./p2p-copy} and the installers start it).
 */
public final class DesktopLauncher {
    // Kept here so the setting outlives garbage collection of an unreferenced JUL logger.
    private static final Logger JAVAFX_STARTUP = Logger.getLogger("javafx");

    private DesktopLauncher() {}

    /**
     * Opens the app and returns when its window is closed.
     *
     * @param err where to explain that there is no screen to open it on
     * @return 0 when the app ran, 1 when it could not open a window
     */
    public static int launch(PrintStream err) {
        return launch(err, System::getenv);
    }

    static int launch(PrintStream err, UnaryOperator<String> environment) {
        if (!hasDisplay(environment)) {
            err.println("p2p-copy: there is no graphical display to open the app on; use the command"
                    + " line instead (p2p-copy send FILE..., p2p-copy receive CODE; see p2p-copy --help).");
            return 1;
        }
        // JavaFX warns on every start that it runs from the class path, which is how we ship it.
        JAVAFX_STARTUP.setLevel(Level.SEVERE);
        try {
            Application.launch(DesktopApp.class);
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("p2p-copy: the app could not open its window (" + why + ")."
                    + " On Linux it needs GTK 3 (Debian/Ubuntu: apt install libgtk-3-0).");
            return 1;
        }
    }

    private static boolean hasDisplay(UnaryOperator<String> environment) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        String display = environment.apply("DISPLAY");
        String wayland = environment.apply("WAYLAND_DISPLAY");
        return (display != null && !display.isBlank()) || (wayland != null && !wayland.isBlank());
    }
}
