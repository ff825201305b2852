package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.desktop.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code p2p-copy} command line as its own JVM, started the way the launcher starts it, with
 * this test's class path; standard output and error go to files. Closing it kills it if it still
 * runs.
 */
final class CliProcess implements AutoCloseable {
    /** Variables that would change which relay or code the child uses; the test sets its own. */
    private static final List<String> CLEARED = List.of(CodeSource.VARIABLE, "P2P_COPY_RELAY", "P2P_COPY_TRUST_CERT");

    private final String name;
    private final Process process;
    private final Path out;
    private final Path err;

    private CliProcess(String name, Process process, Path out, Path err) {
        this.name = name;
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code p2p-copy args...}.
     *
     * @param logs the folder for the output files
     * @param name names the output files ({@code name.out}, {@code name.err}); unique per test
     * @param variables environment variables to set, e.g. {@code P2P_COPY_CODE}
     */
    static CliProcess start(Path logs, String name, Map<String, String> variables, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        CLEARED.forEach(builder.environment()::remove);
        builder.environment().putAll(variables);
        return new CliProcess(name, builder.start(), out, err);
    }

    /**
     * Starts {@code p2p-copy relay} on 127.0.0.1 and {@code port}, with limits that let the test's
     * reconnections through, and waits until it listens.
     */
    static CliProcess relay(Path logs, String name, int port) throws Exception {
        CliProcess relay = start(
                logs,
                name,
                Map.of(),
                "relay",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--joins-per-room-per-minute",
                "1000",
                "--connection-burst-per-ip",
                "1000",
                "--connections-per-minute-per-ip",
                "1000",
                "--audit-log",
                logs.resolve(name + ".audit").toString());
        Await.until(
                () -> {
                    if (!relay.process.isAlive()) {
                        throw new IllegalStateException("The relay did not start: " + relay.err());
                    }
                    return relay.out().contains("p2p-copy relay listening on ws://127.0.0.1:" + port);
                },
                Duration.ofSeconds(20),
                "the relay to listen on port " + port);
        return relay;
    }

    /** Waits for the exit code; fails with both outputs after {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException, TimeoutException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException(name + " still runs after " + timeout + "; " + this);
        }
        return process.exitValue();
    }

    /** Kills the JVM with SIGKILL (no shutdown hooks, nothing flushed) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Whether the JVM still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Standard output so far. */
    String out() {
        return read(out);
    }

    /** Standard error so far. */
    String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** Both outputs, for failure messages. */
    @Override
    public String toString() {
        return name + " stdout:\n" + out() + "\n" + name + " stderr:\n" + err();
    }
}
