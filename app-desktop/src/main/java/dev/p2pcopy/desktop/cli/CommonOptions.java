package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.desktop.relay.DefaultRelay;
import dev.p2pcopy.desktop.relay.RelayChoice;
import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.ReconnectPolicy;
import dev.p2pcopy.protocol.TransferException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Flags that {@code send} and {@code receive} share: which relay, which certificate to trust
 * for it, how long to try reconnecting, and how much to show on errors.
 */
final class CommonOptions {
    /** The option that {@link FailureHandler} looks for to decide on stack traces. */
    static final String DEBUG = "--debug";
    /** Environment variable naming the certificate to trust when {@code --trust-cert} is not given. */
    static final String TRUST_CERT_VARIABLE = "P2P_COPY_TRUST_CERT";

    private static final String TRUST_CERT = "--trust-cert";

    @Option(
            names = "--relay",
            paramLabel = "URL",
            description =
                    "Relay to use, ws://HOST:PORT or wss://HOST[:PORT]. Default: $" + DefaultRelay.ENVIRONMENT_VARIABLE
                            + " if set, else ws://127.0.0.1:8765 (started inside this process if nothing listens there).")
    private String relay;

    @Option(
            names = TRUST_CERT,
            paramLabel = "FILE",
            description = "Also trust this PEM certificate for a wss:// relay, such as a self-signed one."
                    + " Default: $" + TRUST_CERT_VARIABLE + " if set, else only the system's trusted authorities.")
    private Path trustCert;

    @Option(
            names = "--reconnect-for",
            paramLabel = "DURATION",
            defaultValue = "2m",
            converter = DurationConverter.class,
            description = "When the connection drops mid-transfer, keep reconnecting by itself for this long,"
                    + " e.g. 90s, 5m, 1h; 0 turns reconnecting off (default: ${DEFAULT-VALUE}). If it gives up,"
                    + " running the same command again resumes.")
    private Duration reconnectFor;

    @Option(
            names = DEBUG,
            description = "Print the stack trace of an error too, and log p2p-copy's internals on stderr.")
    private boolean debug;

    /** How a lost connection is retried, as {@code --reconnect-for} says. */
    ReconnectPolicy reconnectPolicy() {
        return ReconnectPolicy.giveUpAfter(reconnectFor);
    }

    /** Chooses the relay and says so when it runs inside this process. Close it at the end. */
    RelayChoice chooseRelay(CliEnvironment env) {
        RelayChoice choice = env.relays().choose(relay);
        if (choice.source() == RelayChoice.Source.EMBEDDED) {
            env.err()
                    .println("Using a relay inside this process on " + choice.uri() + " (nothing else was listening).");
        }
        return choice;
    }

    /**
     * The certificate to trust besides the system's: {@code --trust-cert}, else {@value
     * #TRUST_CERT_VARIABLE}, else null.
     *
     * @throws TransferException with {@link FailureReason#USAGE} when the file is missing or
     *     unreadable
     */
    Path trustedCertificate(CliEnvironment env) {
        String source = TRUST_CERT;
        Path file = trustCert;
        if (file == null) {
            String fromEnvironment = env.variable(TRUST_CERT_VARIABLE);
            if (fromEnvironment == null) {
                return null;
            }
            source = TRUST_CERT_VARIABLE;
            try {
                file = Path.of(fromEnvironment);
            } catch (InvalidPathException e) {
                throw unreadable(fromEnvironment, source);
            }
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw unreadable(file.toString(), source);
        }
        return file;
    }

    private static TransferException unreadable(String file, String source) {
        return new TransferException(
                FailureReason.USAGE,
                "The certificate file " + file + " (" + source + ") does not exist or cannot be read.");
    }
}
