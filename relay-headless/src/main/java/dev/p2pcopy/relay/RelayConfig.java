package dev.p2pcopy.relay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable settings of a {@link RelayServer}; build one with {@link #builder()}.
 *
 * <p>Every setting has a default that suits a public relay, so {@code RelayConfig.builder().build()}
 * is a working configuration.
 */
public final class RelayConfig {

    /** Default listen address: every interface. */
    public static final String DEFAULT_HOST = "0.0.0.0";
    /** Default TCP port. */
    public static final int DEFAULT_PORT = 8765;
    /** Default time a lone peer waits for the other side. */
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(10);
    /** Default time a peer whose partner dropped waits for it to come back. */
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(60);
    /** Default time without any inbound traffic (pongs included) after which a peer is closed. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(45);
    /** Default interval between the relay's pings to each peer. */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(15);
    /** Default largest frame payload: a 16 MiB chunk plus 64 KiB for headers and tags. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024 + 64 * 1024;
    /** Default maximum number of rooms open at once. */
    public static final int DEFAULT_MAX_ROOMS = 10_000;
    /** Default maximum number of connections open at once from one IPv4 address or IPv6 /64. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 32;
    /** Default number of connections one address may open in a burst before the per-minute rate applies. */
    public static final int DEFAULT_CONNECTION_BURST_PER_IP = 60;
    /** Default sustained rate of new connections per address, per minute. */
    public static final int DEFAULT_CONNECTIONS_PER_MINUTE_PER_IP = 60;
    /** Default number of joins one room accepts per minute (the online guesses at a code's words). */
    public static final int DEFAULT_JOINS_PER_ROOM_PER_MINUTE = 10;
    /** Default maximum number of connections that have not completed the WebSocket upgrade yet. */
    public static final int DEFAULT_MAX_PENDING_HANDSHAKES = 1024;
    /** Default time a new connection has to complete TLS and the WebSocket upgrade. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** Default lowest TLS version accepted. */
    public static final String DEFAULT_TLS_MIN_VERSION = "1.3";
    /** Default per-connection outbound buffer size above which the relay stops reading the other side. */
    public static final int DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK = 8 * 1024 * 1024;
    /** Default per-connection outbound buffer size below which reading the other side resumes. */
    public static final int DEFAULT_WRITE_BUFFER_LOW_WATER_MARK = 2 * 1024 * 1024;

    private final String host;
    private final int port;
    private final Duration waitTimeout;
    private final Duration gracePeriod;
    private final Duration idleTimeout;
    private final Duration pingInterval;
    private final int maxFrameBytes;
    private final int maxRooms;
    private final int writeBufferHighWaterMark;
    private final int writeBufferLowWaterMark;
    private final Path auditLog;
    private final int maxConnectionsPerIp;
    private final int connectionBurstPerIp;
    private final int connectionsPerMinutePerIp;
    private final int joinsPerRoomPerMinute;
    private final int maxPendingHandshakes;
    private final Duration handshakeTimeout;
    private final boolean trustProxy;
    private final Path tlsCertificate;
    private final Path tlsKey;
    private final String tlsMinVersion;

    private RelayConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.waitTimeout = b.waitTimeout;
        this.gracePeriod = b.gracePeriod;
        this.idleTimeout = b.idleTimeout;
        this.pingInterval = b.pingInterval;
        this.maxFrameBytes = b.maxFrameBytes;
        this.maxRooms = b.maxRooms;
        this.writeBufferHighWaterMark = b.writeBufferHighWaterMark;
        this.writeBufferLowWaterMark = b.writeBufferLowWaterMark;
        this.auditLog = b.auditLog;
        this.maxConnectionsPerIp = b.maxConnectionsPerIp;
        this.connectionBurstPerIp = b.connectionBurstPerIp;
        this.connectionsPerMinutePerIp = b.connectionsPerMinutePerIp;
        this.joinsPerRoomPerMinute = b.joinsPerRoomPerMinute;
        this.maxPendingHandshakes = b.maxPendingHandshakes;
        this.handshakeTimeout = b.handshakeTimeout;
        this.trustProxy = b.trustProxy;
        this.tlsCertificate = b.tlsCertificate;
        this.tlsKey = b.tlsKey;
        this.tlsMinVersion = b.tlsMinVersion;
    }

    /**
     * Starts a builder preset with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the address to listen on */
    public String host() {
        return host;
    }

    /** @return the TCP port to listen on; 0 means any free port */
    public int port() {
        return port;
    }

    /** @return how long a lone peer waits for the other side before it is closed with 4408 */
    public Duration waitTimeout() {
        return waitTimeout;
    }

    /** @return how long a peer whose partner dropped waits for it before it is closed with 4408 */
    public Duration gracePeriod() {
        return gracePeriod;
    }

    /** @return how long a peer may send nothing at all (pongs included) before it is closed with 4408 */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** @return the interval between the relay's pings to each peer */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** @return the largest WebSocket frame payload accepted, in bytes */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** @return the maximum number of rooms open at once */
    public int maxRooms() {
        return maxRooms;
    }

    /** @return outbound bytes per connection above which the relay stops reading from the other peer */
    public int writeBufferHighWaterMark() {
        return writeBufferHighWaterMark;
    }

    /** @return outbound bytes per connection below which the relay reads from the other peer again */
    public int writeBufferLowWaterMark() {
        return writeBufferLowWaterMark;
    }

    /**
     * @return the file the audit log is written to, or empty to send the audit lines to the logger
     *     {@code p2p-copy.audit} (stdout through Logback)
     */
    public Optional<Path> auditLog() {
        return Optional.ofNullable(auditLog);
    }

    /** @return connections one IPv4 address or IPv6 /64 may hold open at once */
    public int maxConnectionsPerIp() {
        return maxConnectionsPerIp;
    }

    /** @return connections one address may open in a burst; the bucket of its connection rate holds this many */
    public int connectionBurstPerIp() {
        return connectionBurstPerIp;
    }

    /** @return new connections per minute one address may open in the long run */
    public int connectionsPerMinutePerIp() {
        return connectionsPerMinutePerIp;
    }

    /** @return joins one room accepts per minute, which bounds online guessing of the code that names it */
    public int joinsPerRoomPerMinute() {
        return joinsPerRoomPerMinute;
    }

    /** @return connections that may be in TLS or the HTTP upgrade at once; more are closed at accept */
    public int maxPendingHandshakes() {
        return maxPendingHandshakes;
    }

    /** @return how long a new connection has to finish TLS and the WebSocket upgrade before it is closed */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /**
     * @return whether the client address is the last hop of {@code X-Forwarded-For} (the relay runs behind a proxy
     *     that sets it) rather than the TCP peer
     */
    public boolean trustProxy() {
        return trustProxy;
    }

    /** @return the PEM certificate chain served for {@code wss://}, or empty for plain {@code ws://} */
    public Optional<Path> tlsCertificate() {
        return Optional.ofNullable(tlsCertificate);
    }

    /** @return the PEM (PKCS#8) private key of {@link #tlsCertificate()}, or empty for plain {@code ws://} */
    public Optional<Path> tlsKey() {
        return Optional.ofNullable(tlsKey);
    }

    /** @return the lowest TLS version accepted, {@code 1.3} or {@code 1.2} */
    public String tlsMinVersion() {
        return tlsMinVersion;
    }

    @Override
    public String toString() {
        return "RelayConfig[host=" + host + ", port=" + port + ", waitTimeout=" + waitTimeout
                + ", gracePeriod=" + gracePeriod + ", idleTimeout=" + idleTimeout + ", pingInterval="
                + pingInterval + ", maxFrameBytes=" + maxFrameBytes + ", maxRooms=" + maxRooms
                + ", writeBufferHighWaterMark=" + writeBufferHighWaterMark + ", writeBufferLowWaterMark="
                + writeBufferLowWaterMark + ", auditLog=" + auditLog + ", maxConnectionsPerIp=" + maxConnectionsPerIp
                + ", connectionBurstPerIp=" + connectionBurstPerIp + ", connectionsPerMinutePerIp="
                + connectionsPerMinutePerIp + ", joinsPerRoomPerMinute=" + joinsPerRoomPerMinute
                + ", maxPendingHandshakes=" + maxPendingHandshakes + ", handshakeTimeout=" + handshakeTimeout
                + ", trustProxy=" + trustProxy + ", tlsCertificate=" + tlsCertificate + ", tlsKey=" + tlsKey
                + ", tlsMinVersion=" + tlsMinVersion + "]";
    }

    /** Collects settings for a {@link RelayConfig}; starts with the defaults. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private Duration waitTimeout = DEFAULT_WAIT_TIMEOUT;
        private Duration gracePeriod = DEFAULT_GRACE_PERIOD;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration pingInterval = DEFAULT_PING_INTERVAL;
        private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
        private int maxRooms = DEFAULT_MAX_ROOMS;
        private int writeBufferHighWaterMark = DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK;
        private int writeBufferLowWaterMark = DEFAULT_WRITE_BUFFER_LOW_WATER_MARK;
        private Path auditLog;
        private int maxConnectionsPerIp = DEFAULT_MAX_CONNECTIONS_PER_IP;
        private int connectionBurstPerIp = DEFAULT_CONNECTION_BURST_PER_IP;
        private int connectionsPerMinutePerIp = DEFAULT_CONNECTIONS_PER_MINUTE_PER_IP;
        private int joinsPerRoomPerMinute = DEFAULT_JOINS_PER_ROOM_PER_MINUTE;
        private int maxPendingHandshakes = DEFAULT_MAX_PENDING_HANDSHAKES;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private boolean trustProxy;
        private Path tlsCertificate;
        private Path tlsKey;
        private String tlsMinVersion = DEFAULT_TLS_MIN_VERSION;

        private Builder() {}

        /**
         * Sets the address to listen on.
         *
         * @param host a host name or IP address, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Sets the TCP port.
         *
         * @param port 1–65535, or 0 for any free port
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Sets how long a lone peer waits for the other side.
         *
         * @param waitTimeout a positive duration
         * @return this builder
         */
        public Builder waitTimeout(Duration waitTimeout) {
            this.waitTimeout = Objects.requireNonNull(waitTimeout, "waitTimeout");
            return this;
        }

        /**
         * Sets how long a peer whose partner dropped waits for it to come back.
         *
         * @param gracePeriod a positive duration
         * @return this builder
         */
        public Builder gracePeriod(Duration gracePeriod) {
            this.gracePeriod = Objects.requireNonNull(gracePeriod, "gracePeriod");
            return this;
        }

        /**
         * Sets how long a peer may send nothing at all before it is closed.
         *
         * @param idleTimeout a positive duration
         * @return this builder
         */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
            return this;
        }

        /**
         * Sets the interval between the relay's pings to each peer.
         *
         * @param pingInterval a positive duration, normally well below the idle timeout
         * @return this builder
         */
        public Builder pingInterval(Duration pingInterval) {
            this.pingInterval = Objects.requireNonNull(pingInterval, "pingInterval");
            return this;
        }

        /**
         * Sets the largest WebSocket frame payload accepted.
         *
         * @param maxFrameBytes a positive number of bytes
         * @return this builder
         */
        public Builder maxFrameBytes(int maxFrameBytes) {
            this.maxFrameBytes = maxFrameBytes;
            return this;
        }

        /**
         * Sets the maximum number of rooms open at once.
         *
         * @param maxRooms a positive number
         * @return this builder
         */
        public Builder maxRooms(int maxRooms) {
            this.maxRooms = maxRooms;
            return this;
        }

        /**
         * Sets the outbound buffer size per connection above which the relay stops reading the other peer.
         *
         * @param bytes a positive number of bytes, at least the low water mark
         * @return this builder
         */
        public Builder writeBufferHighWaterMark(int bytes) {
            this.writeBufferHighWaterMark = bytes;
            return this;
        }

        /**
         * Sets the outbound buffer size per connection below which the relay reads the other peer again.
         *
         * @param bytes a non-negative number of bytes, at most the high water mark
         * @return this builder
         */
        public Builder writeBufferLowWaterMark(int bytes) {
            this.writeBufferLowWaterMark = bytes;
            return this;
        }

        /**
         * Sets the file the audit log is written to.
         *
         * @param auditLog a file path, or null to send the audit lines to the logger {@code p2p-copy.audit}
         * @return this builder
         */
        public Builder auditLog(Path auditLog) {
            this.auditLog = auditLog;
            return this;
        }

        /**
         * Sets how many connections one IPv4 address or IPv6 /64 may hold open at once.
         *
         * @param max a positive number
         * @return this builder
         */
        public Builder maxConnectionsPerIp(int max) {
            this.maxConnectionsPerIp = max;
            return this;
        }

        /**
         * Sets how many connections one address may open in a burst.
         *
         * @param burst a positive number
         * @return this builder
         */
        public Builder connectionBurstPerIp(int burst) {
            this.connectionBurstPerIp = burst;
            return this;
        }

        /**
         * Sets how many new connections per minute one address may open in the long run.
         *
         * @param perMinute a positive number
         * @return this builder
         */
        public Builder connectionsPerMinutePerIp(int perMinute) {
            this.connectionsPerMinutePerIp = perMinute;
            return this;
        }

        /**
         * Sets how many joins one room accepts per minute.
         *
         * @param perMinute a positive number
         * @return this builder
         */
        public Builder joinsPerRoomPerMinute(int perMinute) {
            this.joinsPerRoomPerMinute = perMinute;
            return this;
        }

        /**
         * Sets how many connections may be in TLS or the HTTP upgrade at once.
         *
         * @param max a positive number
         * @return this builder
         */
        public Builder maxPendingHandshakes(int max) {
            this.maxPendingHandshakes = max;
            return this;
        }

        /**
         * Sets how long a new connection has to finish TLS and the WebSocket upgrade.
         *
         * @param handshakeTimeout a positive duration
         * @return this builder
         */
        public Builder handshakeTimeout(Duration handshakeTimeout) {
            this.handshakeTimeout = Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
            return this;
        }

        /**
         * Sets whether the client address is the last hop of {@code X-Forwarded-For}; only for a relay that is
         * reachable through a proxy alone.
         *
         * @param trustProxy true behind a proxy that appends the client address to {@code X-Forwarded-For}
         * @return this builder
         */
        public Builder trustProxy(boolean trustProxy) {
            this.trustProxy = trustProxy;
            return this;
        }

        /**
         * Serves {@code wss://} with this certificate chain and key.
         *
         * @param certificate a PEM file: the relay's certificate first, then any intermediates; or null for none
         * @param key a PEM file with the unencrypted PKCS#8 private key; or null for none
         * @return this builder
         */
        public Builder tls(Path certificate, Path key) {
            this.tlsCertificate = certificate;
            this.tlsKey = key;
            return this;
        }

        /**
         * Sets the lowest TLS version accepted.
         *
         * @param version {@code 1.3} (the default) or {@code 1.2}
         * @return this builder
         */
        public Builder tlsMinVersion(String version) {
            this.tlsMinVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Checks the settings and builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException with a one-sentence reason if a setting is out of range
         */
        public RelayConfig build() {
            require(port >= 0 && port <= 65535, "The port must be between 0 and 65535, not " + port + ".");
            requirePositive(waitTimeout, "wait timeout");
            requirePositive(gracePeriod, "grace period");
            requirePositive(idleTimeout, "idle timeout");
            requirePositive(pingInterval, "ping interval");
            require(maxFrameBytes > 0, "The maximum frame size must be positive, not " + maxFrameBytes + ".");
            require(maxRooms > 0, "The maximum number of rooms must be positive, not " + maxRooms + ".");
            require(
                    writeBufferLowWaterMark >= 0 && writeBufferLowWaterMark <= writeBufferHighWaterMark,
                    "The write buffer water marks must satisfy 0 <= low <= high, not low " + writeBufferLowWaterMark
                            + " and high " + writeBufferHighWaterMark + ".");
            requirePositive(maxConnectionsPerIp, "maximum number of connections per address");
            requirePositive(connectionBurstPerIp, "connection burst per address");
            requirePositive(connectionsPerMinutePerIp, "number of connections per minute per address");
            requirePositive(joinsPerRoomPerMinute, "number of joins per room per minute");
            requirePositive(maxPendingHandshakes, "maximum number of pending handshakes");
            requirePositive(handshakeTimeout, "handshake timeout");
            require(
                    (tlsCertificate == null) == (tlsKey == null),
                    "A TLS certificate needs its key and a key its certificate; give both --tls-cert and --tls-key.");
            require(
                    tlsMinVersion.equals("1.3") || tlsMinVersion.equals("1.2"),
                    "The minimum TLS version must be 1.3 or 1.2, not " + tlsMinVersion + ".");
            return new RelayConfig(this);
        }

        private static void requirePositive(int value, String name) {
            require(value > 0, "The " + name + " must be positive, not " + value + ".");
        }

        private static void requirePositive(Duration value, String name) {
            require(!value.isNegative() && !value.isZero(), "The " + name + " must be positive, not " + value + ".");
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
