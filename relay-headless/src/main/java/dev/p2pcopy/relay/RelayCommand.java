package dev.p2pcopy.relay;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code relay}: runs the relay until SIGTERM or SIGINT. Usable on its own ({@link RelayMain}) and as a
 * subcommand of the {@code p2p-copy} CLI.
 *
 * <p>On start it prints exactly one line, {@code p2p-copy relay listening on ws://HOST:PORT}. Exit codes: 0 after
 * a graceful stop, 2 if the relay cannot start (port in use, bad setting) or the flags are wrong.
 */
@Command(
        name = "relay",
        description = "Runs a p2p-copy relay that pairs senders and receivers and forwards their data.",
        sortOptions = false)
public final class RelayCommand implements Callable<Integer> {

    /** Exit code when the relay cannot start; picocli uses the same code for wrong flags. */
    static final int EXIT_CANNOT_START = 2;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "8765",
            description = "TCP port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(
            names = "--host",
            defaultValue = "0.0.0.0",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
    private String host;

    @Option(
            names = "--wait-timeout",
            defaultValue = "10m",
            converter = DurationConverter.class,
            description = "How long a lone peer waits for the other side (default: ${DEFAULT-VALUE}).")
    private Duration waitTimeout;

    @Option(
            names = "--grace-period",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description = "How long a peer waits for a partner that dropped to come back (default: ${DEFAULT-VALUE}).")
    private Duration gracePeriod;

    @Option(
            names = "--idle-timeout",
            defaultValue = "2m",
            converter = DurationConverter.class,
            description =
                    "Closes a peer that sent nothing, not even a pong, for this long (default: ${DEFAULT-VALUE}).")
    private Duration idleTimeout;

    @Option(
            names = "--ping-interval",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Time between the relay's pings to each peer (default: ${DEFAULT-VALUE}).")
    private Duration pingInterval;

    @Option(
            names = "--max-frame-bytes",
            defaultValue = "16842752",
            description = "Largest WebSocket frame payload accepted (default: ${DEFAULT-VALUE}, 16 MiB + 64 KiB).")
    private int maxFrameBytes;

    @Option(
            names = "--max-rooms",
            defaultValue = "10000",
            description = "Maximum number of rooms open at once (default: ${DEFAULT-VALUE}).")
    private int maxRooms;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Shows this help and exits.")
    private boolean help;

    /** Creates the command with every flag at its default; picocli fills in the flags given. */
    public RelayCommand() {}

    /**
     * Starts the relay, prints where it listens and blocks until it is closed.
     *
     * @return 0 after a graceful stop, 2 if the relay could not start
     */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RelayServer server;
        try {
            server = RelayServer.start(config());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return EXIT_CANNOT_START;
        } catch (IOException e) {
            err.println("The relay could not start: " + e.getMessage() + ".");
            return EXIT_CANNOT_START;
        }
        out.println("p2p-copy relay listening on " + server.uri());
        out.flush();
        Thread hook = new Thread(server::close, "p2p-copy-relay-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.awaitClose();
        } catch (InterruptedException e) {
            // Whoever interrupts a running command wants it to stop.
            server.close();
            Thread.currentThread().interrupt();
        } finally {
            removeHook(hook);
        }
        return 0;
    }

    /** @return the configuration the flags describe */
    RelayConfig config() {
        return RelayConfig.builder()
                .host(host)
                .port(port)
                .waitTimeout(waitTimeout)
                .gracePeriod(gracePeriod)
                .idleTimeout(idleTimeout)
                .pingInterval(pingInterval)
                .maxFrameBytes(maxFrameBytes)
                .maxRooms(maxRooms)
                .build();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is what closed the relay; the JVM is on its way out.
        }
    }
}
