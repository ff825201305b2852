package dev.p2pcopy.relay;

import picocli.CommandLine;

/** Entry point of the runnable relay jar ({@code java -jar p2p-copy-relay.jar --port 8765}). */
public final class RelayMain {

    private RelayMain() {}

    /**
     * Runs the relay until it is stopped (SIGTERM or SIGINT) and exits with the command's code.
     *
     * @param args command line flags, see {@link RelayCommand}
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new RelayCommand()).execute(args));
    }
}
