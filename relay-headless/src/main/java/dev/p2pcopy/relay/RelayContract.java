package dev.p2pcopy.relay;

/**
 * The relay's wire contract: paths, roles, notices and close codes that clients code against.
 *
 * <p>Constants only; see {@code docs/relay.md} for what each one means on the wire.
 */
public final class RelayContract {

    /** Path prefix of the room endpoint; the 64-character room id follows it. */
    public static final String ROOM_PATH_PREFIX = "/v1/rooms/";

    /** What a valid room id looks like: 64 lowercase hexadecimal characters. */
    public static final String ROOM_ID_REGEX = "[0-9a-f]{64}";

    /** Value of the {@code role} query parameter for the sending peer. */
    public static final String ROLE_SEND = "send";

    /** Value of the {@code role} query parameter for the receiving peer. */
    public static final String ROLE_RECEIVE = "receive";

    /** Health check path: answers {@code 200 ok}. */
    public static final String HEALTH_PATH = "/healthz";

    /** Metrics path: answers the relay's metrics in the Prometheus text format. */
    public static final String METRICS_PATH = "/metrics";

    /** Stats path: answers a small JSON object with rooms, throughput, uptime and version. */
    public static final String STATS_PATH = "/v1/stats";

    /** Text frame: you joined, the other side is not here yet. */
    public static final String NOTICE_WAITING = "{\"event\":\"waiting\"}";

    /** Field of the paired notice that numbers a room's pairings: 1, then 2 after a peer came back, and so on. */
    public static final String PAIRING_FIELD = "pairing";

    /** Text frame: the paired peer dropped; you wait for it for the grace period. */
    public static final String NOTICE_PEER_LEFT = "{\"event\":\"peer-left\"}";

    /** Close code for the waiting timeout, an expired grace period and the idle timeout. */
    public static final int CLOSE_TIMEOUT = 4408;

    /** Close code when the requested role is already present in the room. */
    public static final int CLOSE_ROLE_TAKEN = 4409;

    /** Close code when the relay already holds its maximum number of rooms. */
    public static final int CLOSE_RELAY_FULL = 4429;

    /** Close code when the relay shuts down. */
    public static final int CLOSE_GOING_AWAY = 1001;

    /**
     * Text frame sent to both peers when the room holds both roles. Clients put {@code pairing} into their first
     * frame, so that frames a peer sent before it noticed its partner leave are told apart from the new partner's.
     *
     * @param pairing the room's pairing number, from 1
     * @return the notice
     */
    public static String pairedNotice(long pairing) {
        return "{\"event\":\"paired\",\"" + PAIRING_FIELD + "\":" + pairing + "}";
    }

    private RelayContract() {}
}
