package dev.p2pcopy.desktop.settings;

import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Writes settings off the FX thread, one save at a time; changes that arrive while a save runs
 * are merged into the next one, so a burst of changes costs at most two writes.
 */
final class SettingsSaver {
    private final SettingsStore store;
    private final Consumer<String> onFxThread;
    private final AtomicReference<Settings> pending = new AtomicReference<>();
    // Not a daemon: a save that has started still finishes when the app quits. The thread ends
    // when idle, so nothing keeps the JVM alive.
    private final ExecutorService writer = new ThreadPoolExecutor(
            0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> new Thread(r, "p2p-copy-settings-writer"));

    /**
     * @param store where to save
     * @param onFxThread receives, after each save, the error sentence or "" on success
     */
    SettingsSaver(SettingsStore store, Consumer<String> onFxThread) {
        this.store = store;
        this.onFxThread = onFxThread;
    }

    /** Saves {@code settings} soon, unless newer settings arrive first. */
    void submit(Settings settings) {
        if (pending.getAndSet(settings) == null) {
            writer.execute(this::drain);
        }
    }

    private void drain() {
        Settings latest = pending.getAndSet(null);
        if (latest == null) {
            return;
        }
        String error;
        try {
            store.save(latest);
            error = "";
        } catch (UncheckedIOException e) {
            error = e.getMessage();
        }
        String result = error;
        Platform.runLater(() -> onFxThread.accept(result));
    }
}
