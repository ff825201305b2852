package dev.p2pcopy.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RelayFailuresTest {
    private static final URI RELAY = URI.create("ws://relay.example:8765");

    private static void check(TransferException e, FailureReason reason, String message) {
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e).hasMessage(message);
    }

    @Test
    void connectionProblemsNameTheRelay() {
        check(
                RelayFailures.forFailure(RELAY, new ConnectException("Connection refused"), false),
                FailureReason.RELAY_UNREACHABLE,
                "Cannot reach the relay at ws://relay.example:8765: connection refused.");
        check(
                RelayFailures.forFailure(RELAY, new UnknownHostException("relay.example"), false),
                FailureReason.RELAY_UNREACHABLE,
                "Cannot reach the relay at ws://relay.example:8765: unknown host.");
        check(
                RelayFailures.forFailure(
                        RELAY, new io.netty.channel.ConnectTimeoutException("connect timed out"), false),
                FailureReason.RELAY_UNREACHABLE,
                "Cannot reach the relay at ws://relay.example:8765: the connection timed out.");
        check(
                RelayFailures.forFailure(RELAY, new SSLHandshakeException("bad cert"), false),
                FailureReason.RELAY_UNREACHABLE,
                "Cannot reach the relay at ws://relay.example:8765: the secure connection could not be set up.");
        check(
                RelayFailures.forFailure(RELAY, new IOException("Weird thing."), false),
                FailureReason.RELAY_UNREACHABLE,
                "Cannot reach the relay at ws://relay.example:8765: Weird thing.");
        check(
                RelayFailures.forFailure(RELAY, new IOException(), false),
                FailureReason.RELAY_UNREACHABLE,
                "Cannot reach the relay at ws://relay.example:8765: IOException.");
        check(
                RelayFailures.forFailure(RELAY, new EOFException(), true),
                FailureReason.RELAY_UNREACHABLE,
                "The connection to the relay was lost.");
    }

    @Test
    void aRefusedUpgradeExplainsItself() {
        check(
                RelayFailures.forRefusedUpgrade(RELAY, 400, "Bad room id.\n"),
                FailureReason.PROTOCOL,
                "The relay refused the request: Bad room id.");
        check(
                RelayFailures.forRefusedUpgrade(RELAY, 400, ""),
                FailureReason.PROTOCOL,
                "The relay refused the request.");
        check(
                RelayFailures.forRefusedUpgrade(RELAY, 404, "nope"),
                FailureReason.RELAY_UNREACHABLE,
                "The server at ws://relay.example:8765 answered HTTP 404; is it a p2p-copy relay?");
        check(
                RelayFailures.forRefusedUpgrade(RELAY, 429, "Too many joins of this room; try again in 60 seconds.\n"),
                FailureReason.RELAY_UNREACHABLE,
                "The relay is busy: Too many joins of this room; try again in 60 seconds.");
        check(
                RelayFailures.forRefusedUpgrade(RELAY, 503, ""),
                FailureReason.RELAY_UNREACHABLE,
                "The relay is busy; try again later.");
    }

    @Test
    void defaultPortsFollowTheScheme() {
        assertThat(RelayEndpoint.port(URI.create("ws://relay.example"))).isEqualTo(80);
        assertThat(RelayEndpoint.port(URI.create("wss://relay.example"))).isEqualTo(443);
        assertThat(RelayEndpoint.port(URI.create("ws://relay.example:8765"))).isEqualTo(8765);
    }

    @Test
    void closeCodesMapToReasons() {
        check(
                RelayFailures.forClose(4409, "a sender is already in this room"),
                FailureReason.CODE_IN_USE,
                "This code is already in use on the relay: a sender is already in this room.");
        check(RelayFailures.forClose(4409, ""), FailureReason.CODE_IN_USE, "This code is already in use on the relay.");
        check(
                RelayFailures.forClose(4408, "nobody joined within 10 minutes."),
                FailureReason.TIMEOUT,
                "Nobody joined within 10 minutes.");
        check(RelayFailures.forClose(4408, null), FailureReason.TIMEOUT, "The relay timed out.");
        check(
                RelayFailures.forClose(4429, "full"),
                FailureReason.RELAY_UNREACHABLE,
                "The relay is full; try again later or use another relay.");
        check(RelayFailures.forClose(1001, ""), FailureReason.RELAY_UNREACHABLE, "The relay is shutting down.");
        check(
                RelayFailures.forClose(1009, "too big"),
                FailureReason.PROTOCOL,
                "The relay refused a frame that was larger than it allows.");
        check(
                RelayFailures.forClose(1011, "oops\u0007" + "x".repeat(300)),
                FailureReason.RELAY_UNREACHABLE,
                "The relay closed the connection (code 1011: oops " + "x".repeat(195) + "…).");
        check(
                RelayFailures.forClose(1000, ""),
                FailureReason.RELAY_UNREACHABLE,
                "The relay closed the connection (code 1000).");
    }

    @Test
    void roomUrlsKeepTheRelaysPathAndRefuseOtherSchemes() {
        String room = "ab".repeat(32);
        assertThat(RelayEndpoint.roomUrl(URI.create("ws://127.0.0.1:1234"), room, Role.SEND))
                .isEqualTo("ws://127.0.0.1:1234/v1/rooms/" + room + "?role=send");
        assertThat(RelayEndpoint.roomUrl(URI.create("WSS://relay.example/p2p/"), room, Role.RECEIVE))
                .isEqualTo("wss://relay.example/p2p/v1/rooms/" + room + "?role=receive");
        for (String bad : new String[] {"http://relay.example", "relay.example:80", "ws:relative"}) {
            assertThatThrownBy(() -> RelayEndpoint.roomUrl(URI.create(bad), room, Role.SEND))
                    .isInstanceOf(TransferException.class)
                    .hasMessageStartingWith("The relay address must look like ws://host:port or wss://host")
                    .extracting(e -> ((TransferException) e).reason())
                    .isEqualTo(FailureReason.USAGE);
        }
    }
}
