package dev.p2pcopy.protocol.transport;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import java.net.URI;
import java.util.Locale;

/**
 * The relay's wire contract as the protocol side knows it: endpoint, notices and close codes.
 * The protocol module must not depend on the relay at run time, so these are copies; a test
 * keeps them equal to the relay's own constants.
 */
public final class RelayEndpoint {
    /** Path prefix of a room; the 64-hex room id follows. */
    public static final String ROOMS_PATH = "/v1/rooms/";
    /** Query parameter that names the role. */
    public static final String ROLE_PARAMETER = "role";
    /** Role value of the sender. */
    public static final String ROLE_SEND = "send";
    /** Role value of the receiver. */
    public static final String ROLE_RECEIVE = "receive";

    /** JSON field of a relay notice (a text frame). */
    public static final String EVENT_FIELD = "event";
    /** Notice: joined, the other role is not here yet. */
    public static final String EVENT_WAITING = "waiting";
    /** Notice: both roles are present; binary frames now flow. */
    public static final String EVENT_PAIRED = "paired";
    /** Field of the paired notice: the room's pairing number, which the first frame of each side repeats. */
    public static final String PAIRING_FIELD = "pairing";
    /** Notice: the paired peer dropped; the relay keeps this peer waiting for a grace period. */
    /** Value of the event field: the paired peer dropped. */
    public static final String EVENT_PEER_LEFT = "peer-left";

    /** Close code: normal close. */
    public static final int CLOSE_NORMAL = 1000;
    /** Close code: the relay is shutting down. */
    public static final int CLOSE_GOING_AWAY = 1001;
    /** Close code: a frame exceeded the relay's maximum frame size. */
    public static final int CLOSE_TOO_BIG = 1009;
    /** Close code: waiting time, grace period or idle time ran out. */
    public static final int CLOSE_TIMEOUT = 4408;
    /** Close code: the role is already taken in this room. */
    public static final int CLOSE_ROLE_TAKEN = 4409;
    /** Close code: the relay has reached its room limit. */
    public static final int CLOSE_FULL = 4429;

    private RelayEndpoint() {}

    /**
     * The WebSocket URL of {@code roomId} for {@code role} on {@code relay}.
     *
     * @throws TransferException with {@link FailureReason#USAGE} unless the relay is a {@code
     *     ws://} or {@code wss://} address with a host
     */
    public static String roomUrl(URI relay, String roomId, Role role) {
        if (!isRelayAddress(relay)) {
            throw new TransferException(
                    FailureReason.USAGE,
                    "The relay address must look like ws://host:port or wss://host, not '" + relay + "'.");
        }
        String path = relay.getRawPath() == null ? "" : relay.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String authority = relay.getRawAuthority();
        String scheme = relay.getScheme().toLowerCase(Locale.ROOT);
        return scheme + "://" + authority + path + ROOMS_PATH + roomId + "?" + ROLE_PARAMETER + "=" + role.wireName();
    }

    /** Whether {@code uri} can name a relay: a {@code ws://} or {@code wss://} URI with a host. */
    public static boolean isRelayAddress(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("ws") || scheme.equals("wss")) && uri.getHost() != null;
    }

    /** The TCP port of a {@code ws://} or {@code wss://} URI, with the scheme's default. */
    static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
