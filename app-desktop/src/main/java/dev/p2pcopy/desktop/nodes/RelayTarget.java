package dev.p2pcopy.desktop.nodes;

import dev.p2pcopy.desktop.relay.DefaultRelay;
import dev.p2pcopy.desktop.relay.RelayAddress;
import dev.p2pcopy.protocol.TransferException;
import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * The relay the Nodes screen watches: the one the next transfer would use, found like {@link
 * dev.p2pcopy.desktop.relay.RelayPicker} finds it, but without probing or starting anything.
 *
 * @param uri the relay's address, or null when the setting is not a relay address
 * @param isDefault whether it is the default address, where the app starts its own relay on demand
 * @param problem why the setting is not usable, in one sentence; empty when {@code uri} is set
 */
record RelayTarget(URI uri, boolean isDefault, String problem) {

    /**
     * @param configured the relay setting; blank for the default policy
     * @param environment looks up an environment variable, returning null when it is not set
     */
    static RelayTarget resolve(String configured, UnaryOperator<String> environment) {
        try {
            if (configured != null && !configured.isBlank()) {
                return new RelayTarget(RelayAddress.parse(configured, "The relay address in Settings"), false, "");
            }
            String fromEnvironment = environment.apply(DefaultRelay.ENVIRONMENT_VARIABLE);
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                return new RelayTarget(
                        RelayAddress.parse(fromEnvironment, DefaultRelay.ENVIRONMENT_VARIABLE), false, "");
            }
        } catch (TransferException e) {
            return new RelayTarget(null, false, e.getMessage());
        }
        return new RelayTarget(DefaultRelay.standard().defaultUri(), true, "");
    }

    /** The address as the panel shows it. */
    String label() {
        if (uri == null) {
            return "No valid relay address";
        }
        return isDefault ? uri + " (default)" : uri.toString();
    }
}
