package dev.p2pcopy.desktop.relay;

import java.net.URI;

/**
 * The relay the app's transfers use: the configured address, or else the default policy of
 * {@link DefaultRelay} (environment variable, a relay already running on the default port, or
 * one started inside the app). An embedded relay stays up until {@link #close()}, so that
 * transfers started later, and other apps on this computer, find it. When the relay another
 * app started goes away, the next pick starts one here, on the same address, so that
 * transfers reconnecting to it find a relay again.
 */
public final class RelayPicker implements AutoCloseable {
    private final DefaultRelay defaults;
    private RelayChoice fallback;

    /** A picker applying {@code defaults} when no address is configured. */
    public RelayPicker(DefaultRelay defaults) {
        this.defaults = defaults;
    }

    /**
     * The relay to use now. May probe the default port and start a relay, so call it off the
     * FX thread.
     *
     * @param configured the configured address, or blank for the default policy
     * @throws dev.p2pcopy.protocol.TransferException for a malformed address, or when the default
     *     port is taken by something else
     */
    public synchronized URI pick(String configured) {
        if (configured != null && !configured.isBlank()) {
            return RelayAddress.parse(configured.strip(), "The relay address");
        }
        // Only a relay of our own is sure to stay: one found running (another app's) may have
        // stopped, so look again, and start ours on the default port if it is free now.
        if (fallback == null || fallback.source() != RelayChoice.Source.EMBEDDED) {
            fallback = defaults.choose(null);
        }
        return fallback.uri();
    }

    /** Stops the relay started inside the app, if any. */
    @Override
    public synchronized void close() {
        if (fallback != null) {
            fallback.close();
            fallback = null;
        }
    }
}
