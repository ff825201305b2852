package dev.p2pcopy.desktop.system;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows notifications as ControlsFX pop-ups in the bottom-right corner of the app's window, for
 * six seconds. They need a window of the app on screen to belong to; without one, the
 * notification goes to the log only.
 */
public final class ControlsFxNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(ControlsFxNotifier.class);
    private static final Duration SHOWN_FOR = Duration.seconds(6);

    private final Supplier<Optional<Window>> window;

    /** Notifies over whichever window of the app shows, preferring the focused one. */
    public ControlsFxNotifier() {
        this(ControlsFxNotifier::appWindow);
    }

    /** @param window the window notifications belong to, if one shows */
    ControlsFxNotifier(Supplier<Optional<Window>> window) {
        this.window = window;
    }

    @Override
    public void show(String title, String text, boolean failure) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> show(title, text, failure));
            return;
        }
        Optional<Window> owner = window.get();
        if (owner.isEmpty()) {
            LOG.info("{}: {} (no window to show the notification on)", title, text);
            return;
        }
        try {
            Notifications n = Notifications.create()
                    .owner(owner.get())
                    .title(title)
                    .text(text)
                    .hideAfter(SHOWN_FOR);
            if (failure) {
                n.showError();
            } else {
                n.showInformation();
            }
        } catch (RuntimeException e) { // a notification is a courtesy: it must never break a transfer
            LOG.info("{}: {} (the notification could not be shown: {})", title, text, e.toString());
        }
    }

    /** The focused stage of the app, else any shown one. */
    static Optional<Window> appWindow() {
        Window any = null;
        for (Window w : Window.getWindows()) {
            if (!(w instanceof Stage) || !w.isShowing()) { // pop-ups (menus, tooltips, notifications) own nothing
                continue;
            }
            if (w.isFocused()) {
                return Optional.of(w);
            }
            any = any == null ? w : any;
        }
        return Optional.ofNullable(any);
    }
}
