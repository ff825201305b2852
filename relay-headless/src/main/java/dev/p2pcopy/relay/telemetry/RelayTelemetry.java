package dev.p2pcopy.relay.telemetry;

import dev.p2pcopy.relay.RelayConfig;

/**
 * The relay's audit log and metrics behind one object: the server creates it once and hands its {@link #events()}
 * to whoever observes something.
 */
public final class RelayTelemetry implements AutoCloseable {

    private final RelayEvents events;

    /**
     * Creates the telemetry the configuration asks for.
     *
     * @param config the relay's settings
     */
    public RelayTelemetry(RelayConfig config) {
        this.events = RelayEvents.NONE;
    }

    /** @return where to report events */
    public RelayEvents events() {
        return events;
    }

    /** Flushes and closes the audit log. */
    @Override
    public void close() {}
}
