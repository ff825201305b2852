package dev.p2pcopy.relay;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * <p>On start it prints exactly one line, {@code p2p-copy relay listening on ws://HOST:PORT} ({@code wss://} with
 * TLS). Exit codes: 0 after a graceful stop, 2 if the relay cannot start (port in use, bad setting, unusable TLS
 * files) or the flags are wrong.
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
            defaultValue = "45s",
            converter = DurationConverter.class,
            description =
                    "Closes a peer that sent nothing, not even a pong, for this long (default: ${DEFAULT-VALUE}).")
    private Duration idleTimeout;

    @Option(
            names = "--ping-interval",
            defaultValue = "15s",
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
            names = "--max-connections-per-ip",
            defaultValue = "32",
            description = "Connections one IPv4 address or IPv6 /64 may hold open at once (default: ${DEFAULT-VALUE}).")
    private int maxConnectionsPerIp;

    @Option(
            names = "--connection-burst-per-ip",
            defaultValue = "60",
            description = "New connections one address may open in a burst (default: ${DEFAULT-VALUE}).")
    private int connectionBurstPerIp;

    @Option(
            names = "--connections-per-minute-per-ip",
            defaultValue = "60",
            description =
                    "New connections per minute one address may open after its burst (default: ${DEFAULT-VALUE}).")
    private int connectionsPerMinutePerIp;

    @Option(
            names = "--joins-per-room-per-minute",
            defaultValue = "10",
            description =
                    "Joins one room accepts per minute; bounds guessing a code online (default: ${DEFAULT-VALUE}).")
    private int joinsPerRoomPerMinute;

    @Option(
            names = "--max-pending-handshakes",
            defaultValue = "1024",
            description =
                    "Connections that may be in TLS or the WebSocket upgrade at once (default: ${DEFAULT-VALUE}).")
    private int maxPendingHandshakes;

    @Option(
            names = "--handshake-timeout",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Closes a connection that has not finished TLS and the upgrade by then (default: "
                    + "${DEFAULT-VALUE}).")
    private Duration handshakeTimeout;

    @Option(
            names = "--trust-proxy",
            description = "Counts clients by the last address in X-Forwarded-For; only behind a proxy that sets it.")
    private boolean trustProxy;

    @Option(
            names = "--tls-cert",
            paramLabel = "FILE",
            description = "PEM certificate chain (own certificate first) to serve wss:// with; needs --tls-key.")
    private Path tlsCertificate;

    @Option(
            names = "--tls-key",
            paramLabel = "FILE",
            description = "PEM private key (unencrypted PKCS#8) of --tls-cert.")
    private Path tlsKey;

    @Option(
            names = "--tls-min-version",
            defaultValue = "1.3",
            paramLabel = "VERSION",
            description = "Lowest TLS version accepted, 1.3 or 1.2 (default: ${DEFAULT-VALUE}).")
    private String tlsMinVersion;

    @Option(
            names = "--audit-log",
            paramLabel = "FILE",
            description = "Writes the audit log (one JSON line per room event) to FILE; default: stdout.")
    private Path auditLog;

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
                .auditLog(auditLog)
                .maxConnectionsPerIp(maxConnectionsPerIp)
                .connectionBurstPerIp(connectionBurstPerIp)
                .connectionsPerMinutePerIp(connectionsPerMinutePerIp)
                .joinsPerRoomPerMinute(joinsPerRoomPerMinute)
                .maxPendingHandshakes(maxPendingHandshakes)
                .handshakeTimeout(handshakeTimeout)
                .trustProxy(trustProxy)
                .tls(tlsCertificate, tlsKey)
                .tlsMinVersion(tlsMinVersion)
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
