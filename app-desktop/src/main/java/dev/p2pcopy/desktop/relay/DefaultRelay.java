package dev.p2pcopy.desktop.relay;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayServer;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Decides which relay a transfer uses, the same way for the CLI and the desktop app: an address
 * given explicitly; else the {@value #ENVIRONMENT_VARIABLE} environment variable; else the
 * default {@code ws://127.0.0.1:8765}, where a relay already running is used and, if nothing
 * listens, one is started inside this process. So a fresh install works on one machine at once.
 */
public final class DefaultRelay {
    /** Environment variable naming the relay to use when none is given explicitly. */
    public static final String ENVIRONMENT_VARIABLE = "P2P_COPY_RELAY";
    /** Host of the default relay. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Port of the default relay. */
    public static final int DEFAULT_PORT = 8765;

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final String host;
    private final int port;
    private final UnaryOperator<String> environment;

    /**
     * A policy with its own default address and environment, e.g. a free port in tests.
     *
     * @param host host of the default relay
     * @param port port of the default relay
     * @param environment looks up an environment variable, returning null when it is not set
     */
    public DefaultRelay(String host, int port, UnaryOperator<String> environment) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** The policy with {@code ws://127.0.0.1:8765} as default and the real environment. */
    public static DefaultRelay standard() {
        return new DefaultRelay(DEFAULT_HOST, DEFAULT_PORT, System::getenv);
    }

    /** The default relay's address. */
    public URI defaultUri() {
        return URI.create("ws://" + host + ":" + port);
    }

    /**
     * Chooses the relay, starting one inside this process if the policy says so. Close the
     * result when the transfer has ended.
     *
     * @param given the address the caller asked for, or null to apply the policy
     * @return the relay to use
     * @throws TransferException with {@link FailureReason#USAGE} for an address that is not a
     *     relay URI, or {@link FailureReason#RELAY_UNREACHABLE} when the default port is held by a
     *     program that is not a p2p-copy relay or the embedded relay cannot start
     */
    public RelayChoice choose(String given) {
        Target target = target(given, "The relay address");
        if (target.source() != RelayChoice.Source.RUNNING_DEFAULT) {
            return RelayChoice.of(target.uri(), target.source());
        }
        HealthProbe probe = new HealthProbe(host, port, PROBE_TIMEOUT);
        return switch (probe.check()) {
            case RELAY -> RelayChoice.of(defaultUri(), RelayChoice.Source.RUNNING_DEFAULT);
            case NOTHING -> startEmbedded(probe);
            case OTHER -> throw portTaken();
        };
    }

    /**
     * Where this policy points, without probing or starting anything: the given address, else
     * the environment variable's, else the default address.
     *
     * @param given the address the caller asked for, or null to apply the policy
     * @param origin how a wrong {@code given} is named in the error, e.g. "The relay address"
     * @return the address, and {@link RelayChoice.Source#RUNNING_DEFAULT} standing for "the
     *     default address" (where {@link #choose} finds or starts a relay)
     * @throws TransferException with {@link FailureReason#USAGE} for an address that is not a relay URI
     */
    public Target target(String given, String origin) {
        if (given != null) {
            return new Target(RelayAddress.parse(given, origin), RelayChoice.Source.GIVEN);
        }
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new Target(
                    RelayAddress.parse(fromEnvironment, ENVIRONMENT_VARIABLE), RelayChoice.Source.ENVIRONMENT);
        }
        return new Target(defaultUri(), RelayChoice.Source.RUNNING_DEFAULT);
    }

    /**
     * An address the policy points at, and where it came from.
     *
     * @param uri the relay's address
     * @param source given, from the environment, or the default address
     */
    public record Target(URI uri, RelayChoice.Source source) {
        /** Whether it is the default address, where a relay is found or started on demand. */
        public boolean isDefault() {
            return source == RelayChoice.Source.RUNNING_DEFAULT;
        }
    }

    private RelayChoice startEmbedded(HealthProbe probe) {
        try {
            RelayServer server = RelayServer.start(
                    RelayConfig.builder().host(host).port(port).build());
            return RelayChoice.embedded(defaultUri(), server);
        } catch (BindException e) {
            // Another process took the port between the probe and the bind: maybe its own relay.
            if (probe.check() == HealthProbe.Answer.RELAY) {
                return RelayChoice.of(defaultUri(), RelayChoice.Source.RUNNING_DEFAULT);
            }
            throw portTaken();
        } catch (IOException | IllegalArgumentException e) {
            throw new TransferException(
                    FailureReason.RELAY_UNREACHABLE,
                    "Could not start a relay inside this process on " + defaultUri() + ": " + e.getMessage() + ".",
                    e);
        }
    }

    private TransferException portTaken() {
        return new TransferException(
                FailureReason.RELAY_UNREACHABLE,
                "Port " + port + " on " + host + " is used by a program that is not a p2p-copy relay;"
                        + " stop that program or set " + ENVIRONMENT_VARIABLE + " to another relay.");
    }
}
