package dev.p2pcopy.protocol.chaos;

import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayServer;
import java.io.IOException;
import java.net.URI;

/** A real relay on 127.0.0.1 with a {@link ChaosProxy} in front of it; clients use {@link #uri()}. */
final class ChaosRig implements AutoCloseable {
    private final RelayServer relay;
    private final ChaosProxy proxy;

    private ChaosRig(RelayServer relay, ChaosProxy proxy) {
        this.relay = relay;
        this.proxy = proxy;
    }

    /**
     * A relay config for chaos runs: loopback, any port, and per-address limits high enough for
     * hundreds of transfers and their reconnections, all from 127.0.0.1.
     */
    static RelayConfig.Builder relayConfig() {
        return RelayConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .maxConnectionsPerIp(100_000)
                .connectionBurstPerIp(1_000_000)
                .connectionsPerMinutePerIp(1_000_000)
                .joinsPerRoomPerMinute(100_000);
    }

    /** Starts the relay from {@code config}, then the proxy with {@code policy} and {@code seed}. */
    static ChaosRig start(RelayConfig config, FaultPolicy policy, long seed) throws IOException {
        RelayServer relay = RelayServer.start(config);
        try {
            return new ChaosRig(relay, ChaosProxy.start(relay.port(), policy, seed));
        } catch (IOException | RuntimeException e) {
            relay.close();
            throw e;
        }
    }

    /** The relay address clients use: the proxy's. */
    URI uri() {
        return proxy.uri();
    }

    ChaosProxy proxy() {
        return proxy;
    }

    RelayServer relay() {
        return relay;
    }

    @Override
    public void close() {
        proxy.close();
        relay.close();
    }
}
