package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.desktop.relay.DefaultRelay;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;

/**
 * What the CLI talks to: the standard streams, whether a person watches a terminal, and the
 * relay policy. Tests pass their own to run the commands in-process.
 *
 * @param in where answers to prompts come from
 * @param out results: the code and the final summary
 * @param err everything else a person reads: hints, prompts, progress, errors
 * @param interactive whether {@code err} is a terminal, so that a live progress bar makes sense
 * @param relays how the relay is chosen when {@code --relay} is not given
 */
public record CliEnvironment(
        InputStream in, PrintStream out, PrintStream err, boolean interactive, DefaultRelay relays) {

    /** Checks that nothing is missing. */
    public CliEnvironment {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(relays, "relays");
    }

    /** The process's own streams, terminal and environment. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.in, System.out, System.err, System.console() != null, DefaultRelay.standard());
    }
}
