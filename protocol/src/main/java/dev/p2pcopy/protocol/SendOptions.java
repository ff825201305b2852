package dev.p2pcopy.protocol;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link P2pCopy#send}; the same as the CLI's {@code send} flags. Build with {@link
 * #builder(URI)}.
 */
public final class SendOptions {
    /** Smallest allowed chunk size: 64 KiB. */
    public static final int MIN_CHUNK_SIZE = 64 * 1024;
    /** Largest allowed chunk size: 16 MiB. */
    public static final int MAX_CHUNK_SIZE = 16 * 1024 * 1024;
    /** Default chunk size: 1 MiB. */
    public static final int DEFAULT_CHUNK_SIZE = 1024 * 1024;

    private final URI relay;
    private final String code;
    private final int chunkSize;
    private final Compression compression;
    private final TransferListener listener;
    private final ReconnectPolicy reconnect;
    private final NodeStatsSource statsSource;
    private final boolean encrypt;
    private final boolean followSymlinks;
    private final Path trustedCertificate;

    private SendOptions(Builder b) {
        this.encrypt = b.encrypt;
        this.followSymlinks = b.followSymlinks;
        this.trustedCertificate = b.trustedCertificate;
        this.relay = b.relay;
        this.code = b.code;
        this.chunkSize = b.chunkSize;
        this.compression = b.compression;
        this.listener = b.listener;
        this.reconnect = b.reconnect;
        this.statsSource = b.statsSource;
    }

    /** Starts options for a transfer through {@code relay} ({@code ws://} or {@code wss://}). */
    public static Builder builder(URI relay) {
        return new Builder(relay);
    }

    /** The relay's base URI. */
    public URI relay() {
        return relay;
    }

    /** The code chosen by the caller, or empty to have one generated. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** Bytes of file data per DATA frame. */
    public int chunkSize() {
        return chunkSize;
    }

    /** Compression mode. */
    public Compression compression() {
        return compression;
    }

    /** Where state and progress go. */
    public TransferListener listener() {
        return listener;
    }

    /**
     * Whether file data is encrypted end to end (the default). Without it, data travels in clear
     * for speed; control messages stay sealed and file hashes stay authenticated either way.
     */
    public boolean encrypt() {
        return encrypt;
    }

    /** Whether symbolic links are followed when scanning; by default they are skipped. */
    public boolean followSymlinks() {
        return followSymlinks;
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

    /** Builder for {@link SendOptions}. */
    public static final class Builder {
        private final URI relay;
        private String code;
        private int chunkSize = DEFAULT_CHUNK_SIZE;
        private Compression compression = Compression.AUTO;
        private TransferListener listener = TransferListener.NONE;
        private ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;
        private NodeStatsSource statsSource;
        private boolean encrypt = true;
        private boolean followSymlinks;
        private Path trustedCertificate;

        private Builder(URI relay) {
            this.relay = Objects.requireNonNull(relay, "relay");
        }

        /** Uses this code instead of a generated one; it is normalised like the receiver's. */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /**
         * Sets the chunk size, between {@link #MIN_CHUNK_SIZE} and {@link #MAX_CHUNK_SIZE}.
         *
         * @throws TransferException with {@link FailureReason#USAGE} when out of range
         */
        public Builder chunkSize(int chunkSize) {
            if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
                throw new TransferException(
                        FailureReason.USAGE,
                        "The chunk size must be between 64 KiB and 16 MiB, not " + chunkSize + " bytes.");
            }
            this.chunkSize = chunkSize;
            return this;
        }

        /** Sets the compression mode (default {@link Compression#AUTO}). */
        public Builder compression(Compression compression) {
            this.compression = Objects.requireNonNull(compression, "compression");
            return this;
        }

        /** Sets the listener for state and progress. */
        public Builder listener(TransferListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Turns end-to-end encryption of file data on (the default) or off. */
        public Builder encrypt(boolean encrypt) {
            this.encrypt = encrypt;
            return this;
        }

        /** Follows symbolic links when scanning instead of skipping them (default off). */
        public Builder followSymlinks(boolean followSymlinks) {
            this.followSymlinks = followSymlinks;
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
        public SendOptions build() {
            return new SendOptions(this);
        }
    }
}
