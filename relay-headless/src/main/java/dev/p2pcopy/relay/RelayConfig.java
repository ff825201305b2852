package dev.p2pcopy.relay;

import java.time.Duration;
import java.util.Objects;

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
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(2);
    /** Default interval between the relay's pings to each peer. */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(30);
    /** Default largest frame payload: a 16 MiB chunk plus 64 KiB for headers and tags. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024 + 64 * 1024;
    /** Default maximum number of rooms open at once. */
    public static final int DEFAULT_MAX_ROOMS = 10_000;
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

    @Override
    public String toString() {
        return "RelayConfig[host=" + host + ", port=" + port + ", waitTimeout=" + waitTimeout
                + ", gracePeriod=" + gracePeriod + ", idleTimeout=" + idleTimeout + ", pingInterval="
                + pingInterval + ", maxFrameBytes=" + maxFrameBytes + ", maxRooms=" + maxRooms
                + ", writeBufferHighWaterMark=" + writeBufferHighWaterMark + ", writeBufferLowWaterMark="
                + writeBufferLowWaterMark + "]";
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
            return new RelayConfig(this);
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
