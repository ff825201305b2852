package dev.p2pcopy.desktop.system;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Shows a folder in the system's file manager, off the FX thread: through {@code
 * java.awt.Desktop} where it works, else through {@code xdg-open}, {@code open} or {@code
 * explorer}.
 */
public final class OpenFolder {
    private static final long WAIT_SECONDS = 10;
    private static final Executor WORKER = task -> {
        Thread t = new Thread(task, "p2p-copy-open-folder");
        t.setDaemon(true);
        t.start();
    };

    /** Opens a folder through the desktop integration; returns false where there is none. */
    @FunctionalInterface
    interface DesktopOpener {
        /** AWT's {@link Desktop}, where the platform supports opening files. */
        DesktopOpener AWT = folder -> {
            if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                return false;
            }
            Desktop.getDesktop().open(folder.toFile());
            return true;
        };

        /** Opens {@code folder}; false if this way is not available. */
        boolean open(Path folder) throws IOException;
    }

    private final DesktopOpener desktop;
    private final String program;
    private final boolean exitCodeMeansFailure;
    private final Launcher launcher;

    /** Opens folders the way this operating system does. */
    public OpenFolder() {
        this(DesktopOpener.AWT, System.getProperty("os.name", ""), Launcher.SYSTEM);
    }

    /**
     * @param desktop tried first
     * @param osName picks the file manager command tried next
     * @param launcher starts that command
     */
    OpenFolder(DesktopOpener desktop, String osName, Launcher launcher) {
        String os = osName.toLowerCase(Locale.ROOT);
        this.desktop = desktop;
        this.launcher = launcher;
        if (os.startsWith("windows")) {
            this.program = "explorer";
            this.exitCodeMeansFailure = false; // explorer answers 1 even when it opened the folder
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            this.program = "open";
            this.exitCodeMeansFailure = true;
        } else {
            this.program = "xdg-open";
            this.exitCodeMeansFailure = true;
        }
    }

    /** The file manager command for {@code folder}, used when the desktop integration is missing. */
    List<String> command(Path folder) {
        return List.of(program, folder.toString());
    }

    /**
     * Opens {@code folder} on a worker thread. The future fails with an exception whose message is
     * one sentence for the user.
     */
    public CompletableFuture<Void> open(Path folder) {
        return CompletableFuture.runAsync(() -> openNow(folder), WORKER);
    }

    private void openNow(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw failure("The folder " + folder + " does not exist any more.");
        }
        try {
            if (desktop.open(folder)) {
                return;
            }
        } catch (IOException | RuntimeException e) {
            // No application for folders there: the command below may still find one.
        }
        List<String> line = command(folder);
        Process process;
        try {
            process = launcher.start(line);
        } catch (IOException e) {
            throw failure("Could not open " + folder + ": no file manager was found (" + line.get(0) + " is missing).");
        }
        try {
            if (process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && exitCodeMeansFailure && process.exitValue() != 0) {
                throw failure("Could not open " + folder + ": " + line.get(0) + " reported error " + process.exitValue()
                        + ".");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CompletionException failure(String sentence) {
        return new CompletionException(new IOException(sentence));
    }
}
