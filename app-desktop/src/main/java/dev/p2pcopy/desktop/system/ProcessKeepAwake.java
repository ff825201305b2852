package dev.p2pcopy.desktop.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the computer awake through a helper program that blocks sleep for as long as it runs
 * ({@code systemd-inhibit} on Linux, {@code caffeinate} on macOS): a hold starts it, closing the
 * hold ends it. When the program is missing or quits early, the hold holds nothing and the log
 * says so once.
 */
final class ProcessKeepAwake implements KeepAwake {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessKeepAwake.class);

    private final String tool;
    private final Function<String, List<String>> command;
    private final Launcher launcher;
    private final AtomicBoolean complained = new AtomicBoolean();

    /**
     * @param tool the program's name, for the log
     * @param command the command line for a reason
     * @param launcher starts the command
     */
    ProcessKeepAwake(String tool, Function<String, List<String>> command, Launcher launcher) {
        this.tool = tool;
        this.command = command;
        this.launcher = launcher;
    }

    /** {@code systemd-inhibit} running {@code cat} on a pipe: it ends when we, or this JVM, close it. */
    static ProcessKeepAwake linux(Launcher launcher) {
        return new ProcessKeepAwake(
                "systemd-inhibit",
                reason -> List.of(
                        "systemd-inhibit",
                        "--what=idle:sleep",
                        "--who=p2p-copy",
                        "--why=" + reason,
                        "--mode=block",
                        "cat"),
                launcher);
    }

    /** {@code caffeinate} preventing idle sleep, and ending by itself if this JVM dies. */
    static ProcessKeepAwake macOs(Launcher launcher, long pid) {
        return new ProcessKeepAwake(
                "caffeinate", reason -> List.of("caffeinate", "-i", "-w", Long.toString(pid)), launcher);
    }

    /** The command line a hold with {@code reason} runs. */
    List<String> command(String reason) {
        return command.apply(reason);
    }

    @Override
    public Hold hold(String reason) {
        Process process;
        try {
            process = launcher.start(command(reason));
        } catch (IOException | RuntimeException e) {
            complainOnce("it could not be started (" + e.getMessage() + ")");
            return () -> {};
        }
        ProcessHold hold = new ProcessHold(process);
        process.onExit().thenAccept(ended -> {
            if (!hold.closed.get()) {
                complainOnce("it stopped with exit code " + ended.exitValue() + errorLine(ended));
            }
        });
        return hold;
    }

    private void complainOnce(String why) {
        if (complained.compareAndSet(false, true)) {
            LOG.warn("Cannot keep the computer awake during transfers through {}: {}.", tool, why);
        }
    }

    private static String errorLine(Process ended) {
        try (InputStream err = ended.getErrorStream()) {
            String text = new String(err.readNBytes(500), StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "" : " (" + text.lines().findFirst().orElse("") + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /** One running helper program. */
    private static final class ProcessHold implements Hold {
        private final Process process;
        private final AtomicBoolean closed = new AtomicBoolean();

        ProcessHold(Process process) {
            this.process = process;
        }

        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                process.getOutputStream().close(); // cat sees the end of its input and quits
            } catch (IOException e) {
                // Destroying it below ends it anyway.
            }
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }
}
