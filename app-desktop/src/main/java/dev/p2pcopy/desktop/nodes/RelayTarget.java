package dev.p2pcopy.desktop.nodes;

import dev.p2pcopy.desktop.relay.DefaultRelay;
import dev.p2pcopy.protocol.TransferException;
import java.net.URI;

/**
 * The relay the Nodes screen watches: the one the next transfer would use, found by the app's
 * {@link DefaultRelay} policy without probing or starting anything.
 *
 * @param uri the relay's address, or null when the setting is not a relay address
 * @param isDefault whether it is the default address, where the app starts its own relay on demand
 * @param problem why the setting is not usable, in one sentence; empty when {@code uri} is set
 */
record RelayTarget(URI uri, boolean isDefault, String problem) {

    /**
     * @param configured the relay setting; blank for the default policy
     * @param relays the app's relay policy
     */
    static RelayTarget resolve(String configured, DefaultRelay relays) {
        try {
            boolean blank = configured == null || configured.isBlank();
            DefaultRelay.Target target = relays.target(blank ? null : configured, "The relay address in Settings");
            return new RelayTarget(target.uri(), target.isDefault(), "");
        } catch (TransferException e) {
            return new RelayTarget(null, false, e.getMessage());
        }
    }

    /** The address as the panel shows it. */
    String label() {
        if (uri == null) {
            return "No valid relay address";
        }
        return isDefault ? uri + " (default)" : uri.toString();
    }
}
