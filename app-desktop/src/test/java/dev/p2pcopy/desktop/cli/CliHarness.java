package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.desktop.relay.DefaultRelay;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** Runs the CLI in this JVM with captured streams, in the foreground or on its own thread. */
final class CliHarness {
    private static final Pattern CODE_LINE = Pattern.compile("(?m)^Code: (\\S+)$");

    private final DefaultRelay relays;
    private final Map<String, String> variables;
    private final Terminal terminal;

    /** A harness whose default relay is {@code 127.0.0.1:defaultPort}, ignoring the real environment. */
    CliHarness(int defaultPort) {
        this(defaultPort, Map.of(), null);
    }

    /**
     * A harness with these environment variables instead of the real ones, and this terminal
     * (null: none, as when input is piped).
     */
    CliHarness(int defaultPort, Map<String, String> variables, Terminal terminal) {
        this.variables = Map.copyOf(variables);
        this.relays = new DefaultRelay("127.0.0.1", defaultPort, this.variables::get);
        this.terminal = terminal;
    }

    /** What a finished command left behind. */
    record Result(int exitCode, String out, String err) {}

    /** A command running on its own thread. */
    static final class Running {
        final WatchedStream out = new WatchedStream();
        final WatchedStream err = new WatchedStream();
        CompletableFuture<Integer> exit;
        Thread thread;

        /** Waits for the sender's {@code Code:} line. */
        String awaitCode() throws InterruptedException, TimeoutException {
            return out.await(CODE_LINE, Duration.ofSeconds(20));
        }

        Result finish() throws InterruptedException, ExecutionException, TimeoutException {
            int code = exit.get(30, TimeUnit.SECONDS);
            return new Result(code, out.text(), err.text());
        }
    }

    Result run(String stdin, String... args) {
        Running running = new Running();
        int code = Main.run(environment(stdin, running), args);
        return new Result(code, running.out.text(), running.err.text());
    }

    Running start(String stdin, String... args) {
        Running running = new Running();
        CliEnvironment env = environment(stdin, running);
        running.exit = new CompletableFuture<>();
        running.thread = new Thread(() -> running.exit.complete(Main.run(env, args)), "cli-" + args[0]);
        running.thread.setDaemon(true);
        running.thread.start();
        return running;
    }

    private CliEnvironment environment(String stdin, Running running) {
        return new CliEnvironment(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                running.out.printStream(),
                running.err.printStream(),
                false,
                relays,
                variables::get,
                terminal);
    }
}
