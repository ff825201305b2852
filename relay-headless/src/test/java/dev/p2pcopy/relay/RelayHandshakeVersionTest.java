package dev.p2pcopy.relay;

import static dev.p2pcopy.relay.RelayContract.NOTICE_WAITING;
import static dev.p2pcopy.relay.RelayContract.ROLE_RECEIVE;
import static dev.p2pcopy.relay.RelayContract.ROLE_SEND;
import static dev.p2pcopy.relay.RelayContract.pairedNotice;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Only the WebSocket handshake of RFC 6455 opens a room: the obsolete drafts Netty still speaks, and handshakes
 * without a version or a proper key, get a 426 that names version 13, over raw sockets to a real relay.
 */
@Timeout(30)
class RelayHandshakeVersionTest extends RelayFixture {

    private static final String UPGRADE = "Connection: Upgrade\r\nUpgrade: websocket\r\n";
    private static final String KEY = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    private static final String VERSION = "Sec-WebSocket-Version: 13\r\n";
    private static final String OBSOLETE =
            "This relay speaks only WebSocket version 13 (RFC 6455), with a Sec-WebSocket-Key of 16 bytes.";

    /** Header blocks after the request line and Host, each a complete request but for the final blank line. */
    private static final Map<String, String> REFUSED = Map.of(
            "draft 76",
            "Connection: Upgrade\r\nUpgrade: WebSocket\r\nOrigin: http://127.0.0.1\r\n"
                    + "Sec-WebSocket-Key1: 4 @1  46546xW%0l 1 5\r\nSec-WebSocket-Key2: 12998 5 Y3 1  .P00\r\n"
                    + "Content-Length: 8\r\n\r\n^n:ds[4U",
            "version 8",
            UPGRADE + "Sec-WebSocket-Version: 8\r\n" + KEY + "\r\n",
            "version 7",
            UPGRADE + "Sec-WebSocket-Version: 7\r\n" + KEY + "\r\n",
            "no version",
            UPGRADE + KEY + "\r\n",
            "no key",
            UPGRADE + VERSION + "\r\n",
            "an empty key",
            UPGRADE + VERSION + "Sec-WebSocket-Key: \r\n\r\n",
            "a key of 15 bytes",
            UPGRADE + VERSION + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ\r\n\r\n",
            "a key that is not base64",
            UPGRADE + VERSION + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25j*Q==\r\n\r\n",
            "two versions",
            UPGRADE + VERSION + "Sec-WebSocket-Version: 8\r\n" + KEY + "\r\n",
            "two keys",
            UPGRADE + VERSION + KEY + KEY + "\r\n");

    @Test
    void refusesEveryHandshakeButRfc6455With426NamingVersion13() throws Exception {
        RelayServer relay = start();
        String room = Rooms.newId();
        for (Map.Entry<String, String> handshake : REFUSED.entrySet()) {
            RawHttp.Response response = RawHttp.send(relay.port(), request(room, ROLE_SEND) + handshake.getValue());
            assertThat(response.status()).as(handshake.getKey()).isEqualTo(426);
            assertThat(response.headers())
                    .as(handshake.getKey())
                    .contains("sec-websocket-version: 13")
                    .contains("upgrade: websocket")
                    .contains("content-length: " + OBSOLETE.length())
                    .contains("connection: close");
            assertThat(response.body()).as(handshake.getKey()).isEqualTo(OBSOLETE);
        }
        assertThat(relay.stats().roomsWaiting())
                .as("no refused handshake opened a room")
                .isZero();
    }

    @Test
    void aRequestWithoutTheUpgradeHeadersAlsoLearnsTheVersion() throws Exception {
        RelayServer relay = start();
        RawHttp.Response response = RawHttp.get(relay.port(), target(Rooms.newId(), ROLE_SEND), VERSION, KEY);
        assertThat(response.status()).isEqualTo(426);
        assertThat(response.headers()).contains("sec-websocket-version: 13");
        assertThat(response.body()).isEqualTo("This endpoint needs a WebSocket upgrade request.");
    }

    @Test
    void obsoletePeersCannotPairButStandardOnesStill() throws Exception {
        RelayServer relay = start();
        String room = Rooms.newId();
        // Before the fix, a draft-76 sender joined here and a version-8 receiver paired with it.
        assertThat(RawHttp.send(relay.port(), request(room, ROLE_SEND) + REFUSED.get("draft 76"))
                        .status())
                .isEqualTo(426);
        assertThat(RawHttp.send(relay.port(), request(room, ROLE_RECEIVE) + REFUSED.get("version 8"))
                        .status())
                .isEqualTo(426);

        try (RawWebSocket raw = RawWebSocket.open(relay.port(), target(room, ROLE_SEND))) {
            assertThat(text(raw.read())).isEqualTo(NOTICE_WAITING);
            TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
            assertThat(receiver.nextText()).isEqualTo(pairedNotice(1));
            assertThat(text(raw.read())).isEqualTo(pairedNotice(1));
            receiver.close();
        }
    }

    private static String text(RawWebSocket.Frame frame) {
        assertThat(frame.opcode()).as("a text frame").isEqualTo(1);
        return new String(frame.payload(), StandardCharsets.UTF_8);
    }

    private static String request(String room, String role) {
        return "GET " + target(room, role) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    }

    private static String target(String room, String role) {
        return RelayContract.ROOM_PATH_PREFIX + room + "?role=" + role;
    }
}
