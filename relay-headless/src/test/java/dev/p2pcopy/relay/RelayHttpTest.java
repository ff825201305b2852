package dev.p2pcopy.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RelayHttpTest extends RelayFixture {

    private static final String ROOM = RelayContract.ROOM_PATH_PREFIX + "ab".repeat(32);

    @Test
    void answersTheHealthCheck() throws Exception {
        RelayServer relay = start();
        RawHttp.Response response = RawHttp.get(relay.port(), RelayContract.HEALTH_PATH);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).contains("content-type: text/plain");
        assertThat(response.body()).isEqualTo("ok");
    }

    @Test
    void refusesARoomIdThatIsNot64LowercaseHexCharacters() throws Exception {
        RelayServer relay = start();
        for (String roomId : new String[] {"abc", "AB".repeat(32), "ab".repeat(32) + "0", "zz".repeat(32)}) {
            RawHttp.Response response = RawHttp.get(
                    relay.port(), RelayContract.ROOM_PATH_PREFIX + roomId + "?role=send", RawHttp.upgradeHeaders());
            assertThat(response.status()).as(roomId).isEqualTo(400);
            assertThat(response.body()).isEqualTo("The room id must be 64 lowercase hexadecimal characters.");
        }
    }

    @Test
    void refusesAMissingOrUnknownRole() throws Exception {
        RelayServer relay = start();
        RawHttp.Response missing = RawHttp.get(relay.port(), ROOM, RawHttp.upgradeHeaders());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("The role query parameter is missing; use role=send or role=receive.");

        RawHttp.Response unknown = RawHttp.get(relay.port(), ROOM + "?role=watch", RawHttp.upgradeHeaders());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("The role must be send or receive.");
    }

    @Test
    void asksForAWebSocketUpgradeOnTheRoomPath() throws Exception {
        RelayServer relay = start();
        RawHttp.Response response = RawHttp.get(relay.port(), ROOM + "?role=send");
        assertThat(response.status()).isEqualTo(426);
        assertThat(response.headers()).contains("upgrade: websocket");
        assertThat(response.body()).isEqualTo("This endpoint needs a WebSocket upgrade request.");
        assertThat(relay.stats().roomsWaiting()).isZero();
    }

    @Test
    void answersUnknownPathsWith404() throws Exception {
        RelayServer relay = start();
        RawHttp.Response response = RawHttp.get(relay.port(), "/v1/nothing?role=send");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("There is nothing at /v1/nothing.");
    }

    @Test
    void answersOtherMethodsWith405() throws Exception {
        RelayServer relay = start();
        for (String target : new String[] {RelayContract.HEALTH_PATH, ROOM + "?role=send"}) {
            RawHttp.Response response =
                    RawHttp.send(relay.port(), "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
            assertThat(response.status()).as(target).isEqualTo(405);
            assertThat(response.headers()).contains("allow: get");
            assertThat(response.body()).isEqualTo("The method POST is not allowed here; use GET.");
        }
    }

    @Test
    void answersGarbageWith400() throws Exception {
        RelayServer relay = start();
        RawHttp.Response response = RawHttp.send(relay.port(), "GET / HTTP/1.1\r\nHost x\r\n\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("The request is not valid HTTP.");
    }

    @Test
    void reportsATakenPortAsBindException() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            RelayConfig config = RelayConfig.builder()
                    .host("127.0.0.1")
                    .port(taken.getLocalPort())
                    .build();
            assertThatThrownBy(() -> RelayServer.start(config))
                    .isInstanceOf(BindException.class)
                    .hasMessage("port " + taken.getLocalPort()
                            + " is already in use on 127.0.0.1; stop the program using it or choose another port");
        }
    }

    @Test
    void reportsAnUnknownHostAsIOException() {
        RelayConfig config =
                RelayConfig.builder().host("no-such-host.invalid").port(0).build();
        assertThatThrownBy(() -> RelayServer.start(config))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void namesAConnectableAddressInItsUri() throws Exception {
        RelayServer any = start(b -> b.host("0.0.0.0"));
        assertThat(any.uri().toString()).isEqualTo("ws://127.0.0.1:" + any.port());
        assertThat(any.port()).isPositive();
        assertThat(RawHttp.get(any.port(), RelayContract.HEALTH_PATH).status()).isEqualTo(200);
    }

    @Test
    void putsAnIpv6HostInBrackets() throws Exception {
        RelayServer loopback6;
        try {
            loopback6 = start(b -> b.host("::1"));
        } catch (IOException noIpv6) {
            Assumptions.abort("this machine has no IPv6 loopback");
            return;
        }
        assertThat(loopback6.uri().toString()).isEqualTo("ws://[::1]:" + loopback6.port());
    }

    @Test
    void closeIsIdempotentAndReleasesThePort() throws Exception {
        RelayServer relay = start();
        int port = relay.port();
        relay.close();
        relay.close();
        relay.awaitClose();
        try (ServerSocket again = new ServerSocket(port, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}
