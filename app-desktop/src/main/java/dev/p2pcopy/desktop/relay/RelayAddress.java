package dev.p2pcopy.desktop.relay;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.transport.RelayEndpoint;
import java.net.URI;
import java.net.URISyntaxException;

/** Checks a relay address typed by a person or found in the environment. */
public final class RelayAddress {
    private RelayAddress() {}

    /**
     * Parses {@code text} as a relay URI.
     *
     * @param text the address, e.g. {@code ws://relay.example:8765}
     * @param origin where the address came from, for the error message (e.g. "--relay")
     * @return the URI, scheme {@code ws} or {@code wss} with a host
     * @throws TransferException with {@link FailureReason#USAGE} if it is not such a URI
     */
    public static URI parse(String text, String origin) {
        String trimmed = text.strip();
        try {
            URI uri = new URI(trimmed);
            if (RelayEndpoint.isRelayAddress(uri)) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below like any other unusable address.
        }
        throw new TransferException(
                FailureReason.USAGE,
                origin + " must be a relay address like ws://HOST:PORT or wss://HOST, not '" + trimmed + "'.");
    }
}
