package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.desktop.relay.DefaultRelay;
import dev.p2pcopy.desktop.relay.RelayChoice;
import picocli.CommandLine.Option;

/** Flags that {@code send} and {@code receive} share: which relay, and how much to show on errors. */
final class CommonOptions {
    /** The option that {@link FailureHandler} looks for to decide on stack traces. */
    static final String DEBUG = "--debug";

    @Option(
            names = "--relay",
            paramLabel = "URL",
            description =
                    "Relay to use, ws://HOST:PORT or wss://HOST[:PORT]. Default: $" + DefaultRelay.ENVIRONMENT_VARIABLE
                            + " if set, else ws://127.0.0.1:8765 (started inside this process if nothing listens there).")
    private String relay;

    @Option(
            names = DEBUG,
            description = "Print the stack trace of an error too, and log p2p-copy's internals on stderr.")
    private boolean debug;

    /** Chooses the relay and says so when it runs inside this process. Close it at the end. */
    RelayChoice chooseRelay(CliEnvironment env) {
        RelayChoice choice = env.relays().choose(relay);
        if (choice.source() == RelayChoice.Source.EMBEDDED) {
            env.err()
                    .println("Using a relay inside this process on " + choice.uri() + " (nothing else was listening).");
        }
        return choice;
    }
}
