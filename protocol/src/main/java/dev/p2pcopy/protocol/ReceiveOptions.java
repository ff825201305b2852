package dev.p2pcopy.protocol;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link P2pCopy#receive}; the same as the CLI's {@code receive} flags. Build with
 * {@link #builder(URI, Path)}.
 */
public final class ReceiveOptions {
    private final URI relay;
    private final Path outputDir;
    private final OfferHandler offerHandler;
    private final ConflictPolicy conflictPolicy;
    private final TransferListener listener;
    private final ReconnectPolicy reconnect;
    private final NodeStatsSource statsSource;
    private final Path trustedCertificate;

    private ReceiveOptions(Builder b) {
        this.trustedCertificate = b.trustedCertificate;
        this.relay = b.relay;
        this.outputDir = b.outputDir;
        this.offerHandler = b.offerHandler;
        this.conflictPolicy = b.conflictPolicy;
        this.listener = b.listener;
        this.reconnect = b.reconnect;
        this.statsSource = b.statsSource;
    }

    /** Starts options for receiving through {@code relay} into {@code outputDir}. */
    public static Builder builder(URI relay, Path outputDir) {
        return new Builder(relay, outputDir);
    }

    /** The relay's base URI. */
    public URI relay() {
        return relay;
    }

    /** The folder that received files and folders are written into. */
    public Path outputDir() {
        return outputDir;
    }

    /** Decides on the sender's offer. */
    public OfferHandler offerHandler() {
        return offerHandler;
    }

    /** What to do when a name is taken. */
    public ConflictPolicy conflictPolicy() {
        return conflictPolicy;
    }

    /** Where state and progress go. */
    public TransferListener listener() {
        return listener;
    }

    /** A PEM certificate to trust for a {@code wss://} relay besides the system's, or empty. */
    public Optional<Path> trustedCertificate() {
        return Optional.ofNullable(trustedCertificate);
    }

    /** How a lost connection is retried, and how long silence is trusted. */
    public ReconnectPolicy reconnect() {
        return reconnect;
    }

    /** Where this side's STATS for the peer come from, or empty to send none. */
    public Optional<NodeStatsSource> statsSource() {
        return Optional.ofNullable(statsSource);
    }

    /** Builder for {@link ReceiveOptions}. */
    public static final class Builder {
        private final URI relay;
        private final Path outputDir;
        private OfferHandler offerHandler = OfferHandler.ACCEPT_ALL;
        private ConflictPolicy conflictPolicy = ConflictPolicy.RENAME;
        private TransferListener listener = TransferListener.NONE;
        private ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;
        private NodeStatsSource statsSource;
        private Path trustedCertificate;

        private Builder(URI relay, Path outputDir) {
            this.relay = Objects.requireNonNull(relay, "relay");
            this.outputDir = Objects.requireNonNull(outputDir, "outputDir");
        }

        /** Sets who decides on the offer (default: accept everything). */
        public Builder offerHandler(OfferHandler offerHandler) {
            this.offerHandler = Objects.requireNonNull(offerHandler, "offerHandler");
            return this;
        }

        /** Sets the name-conflict policy (default {@link ConflictPolicy#RENAME}). */
        public Builder conflictPolicy(ConflictPolicy conflictPolicy) {
            this.conflictPolicy = Objects.requireNonNull(conflictPolicy, "conflictPolicy");
            return this;
        }

        /** Sets the listener for state and progress. */
        public Builder listener(TransferListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Trusts this PEM certificate for a {@code wss://} relay, e.g. a self-signed one; null for none. */
        public Builder trustedCertificate(Path certificate) {
            this.trustedCertificate = certificate;
            return this;
        }

        /** Sets how a lost connection is retried (default {@link ReconnectPolicy#DEFAULT}). */
        public Builder reconnect(ReconnectPolicy reconnect) {
            this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
            return this;
        }

        /** Sends this side's resource figures to the peer about every two seconds; null for none. */
        public Builder statsSource(NodeStatsSource statsSource) {
            this.statsSource = statsSource;
            return this;
        }

        /** The options. */
        public ReceiveOptions build() {
            return new ReceiveOptions(this);
        }
    }
}
