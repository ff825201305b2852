package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.desktop.relay.DefaultRelay;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the CLI talks to: the standard streams, whether a person watches a terminal, the
 * environment variables and the relay policy. Tests pass their own to run the commands
 * in-process.
 *
 * @param in where answers to prompts come from
 * @param out results: the code and the final summary
 * @param err everything else a person reads: hints, prompts, progress, errors
 * @param interactive whether {@code err} is a terminal, so that a live progress bar makes sense
 * @param relays how the relay is chosen when {@code --relay} is not given
 * @param variables looks up an environment variable, returning null when it is not set
 * @param terminal where a code is typed without echo, or null when there is no terminal
 */
public record CliEnvironment(
        InputStream in,
        PrintStream out,
        PrintStream err,
        boolean interactive,
        DefaultRelay relays,
        UnaryOperator<String> variables,
        Terminal terminal) {

    /** Checks that nothing is missing except, possibly, the terminal. */
    public CliEnvironment {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(relays, "relays");
        Objects.requireNonNull(variables, "variables");
    }

    /** The process's own streams, terminal and environment. */
    public static CliEnvironment system() {
        Terminal terminal = Terminal.of(System.console());
        return new CliEnvironment(
                System.in, System.out, System.err, terminal != null, DefaultRelay.standard(), System::getenv, terminal);
    }

    /**
     * An environment variable's value, or null when it is not set or blank.
     *
     * @param name the variable's name
     * @return its value, or null
     */
    public String variable(String name) {
        String value = variables.apply(name);
        return value == null || value.isBlank() ? null : value;
    }
}
