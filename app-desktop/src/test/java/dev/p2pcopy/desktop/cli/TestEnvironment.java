package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.desktop.relay.DefaultRelay;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Environments for tests of one part of the CLI: captured streams, the standard relay policy, and
 * only the variables and the terminal the test gives, never the real ones.
 */
final class TestEnvironment {
    private TestEnvironment() {}

    /** {@code input} on stdin, stdout dropped, stderr into {@code err}; no variables, no terminal. */
    static CliEnvironment of(String input, WatchedStream err) {
        return of(input, new WatchedStream(), err, Map.of(), null);
    }

    /**
     * {@code input} on stdin, stdout and stderr into {@code out} and {@code err}, these variables
     * and this terminal (null: none, as when input is piped).
     */
    static CliEnvironment of(
            String input, WatchedStream out, WatchedStream err, Map<String, String> variables, Terminal terminal) {
        return new CliEnvironment(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out.printStream(),
                err.printStream(),
                false,
                DefaultRelay.standard(),
                variables::get,
                terminal);
    }
}
