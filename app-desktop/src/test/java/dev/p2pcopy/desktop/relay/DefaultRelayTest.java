package dev.p2pcopy.desktop.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.desktop.testing.Ports;
import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The relay policy against real relays and real sockets on loopback. */
@Timeout(30)
class DefaultRelayTest {

    @Test
    void aGivenAddressWinsOverEverything() {
        DefaultRelay policy =
                new DefaultRelay("127.0.0.1", 1, Map.of(DefaultRelay.ENVIRONMENT_VARIABLE, "ws://env:1")::get);

        try (RelayChoice choice = policy.choose("wss://relay.example")) {
            assertThat(choice.uri()).isEqualTo(URI.create("wss://relay.example"));
            assertThat(choice.source()).isEqualTo(RelayChoice.Source.GIVEN);
        }
    }

    @Test
    void theEnvironmentVariableWinsOverTheDefault() {
        DefaultRelay policy = new DefaultRelay(
                "127.0.0.1", 1, Map.of(DefaultRelay.ENVIRONMENT_VARIABLE, " ws://lan-relay:9000 ")::get);

        try (RelayChoice choice = policy.choose(null)) {
            assertThat(choice.uri()).isEqualTo(URI.create("ws://lan-relay:9000"));
            assertThat(choice.source()).isEqualTo(RelayChoice.Source.ENVIRONMENT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8765", "relay.example:8765", "ws://", "ws://bad host", ""})
    void anAddressThatIsNotARelayUriIsAUsageError(String address) {
        DefaultRelay policy = new DefaultRelay("127.0.0.1", 1, name -> null);

        assertThatThrownBy(() -> policy.choose(address))
                .isInstanceOfSatisfying(
                        TransferException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.USAGE))
                .hasMessageContaining("ws://HOST:PORT");
    }

    @Test
    void aBadEnvironmentVariableIsNamedInTheError() {
        DefaultRelay policy =
                new DefaultRelay("127.0.0.1", 1, Map.of(DefaultRelay.ENVIRONMENT_VARIABLE, "ftp://x")::get);

        assertThatThrownBy(() -> policy.choose(null)).hasMessageStartingWith("P2P_COPY_RELAY must be");
    }

    @Test
    void usesARelayThatAlreadyAnswersOnTheDefaultPort() throws IOException {
        try (RelayServer running = RelayServer.start(
                RelayConfig.builder().host("127.0.0.1").port(0).build())) {
            DefaultRelay policy = new DefaultRelay("127.0.0.1", running.port(), name -> null);

            try (RelayChoice choice = policy.choose(null)) {
                assertThat(choice.source()).isEqualTo(RelayChoice.Source.RUNNING_DEFAULT);
                assertThat(choice.uri()).isEqualTo(URI.create("ws://127.0.0.1:" + running.port()));
            }
            // Closing the choice must not stop somebody else's relay.
            assertThat(probe(running.port())).isEqualTo(HealthProbe.Answer.RELAY);
        }
    }

    @Test
    void startsItsOwnRelayWhenNothingListensAndStopsItOnClose() throws IOException {
        int port = Ports.free();
        DefaultRelay policy = new DefaultRelay("127.0.0.1", port, name -> null);

        try (RelayChoice choice = policy.choose(null)) {
            assertThat(choice.source()).isEqualTo(RelayChoice.Source.EMBEDDED);
            assertThat(choice.uri()).isEqualTo(URI.create("ws://127.0.0.1:" + port));
            assertThat(probe(port)).isEqualTo(HealthProbe.Answer.RELAY);
        }
        assertThat(probe(port)).isEqualTo(HealthProbe.Answer.NOTHING);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "garbage\r\n\r\n",
                "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
            })
    void refusesClearlyWhenSomethingElseHoldsTheDefaultPort(String answer) throws IOException {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerEveryConnection(other, answer), "not-a-relay");
            server.setDaemon(true);
            server.start();
            DefaultRelay policy = new DefaultRelay("127.0.0.1", other.getLocalPort(), name -> null);

            assertThatThrownBy(() -> policy.choose(null))
                    .isInstanceOfSatisfying(
                            TransferException.class,
                            e -> assertThat(e.reason()).isEqualTo(FailureReason.RELAY_UNREACHABLE))
                    .hasMessage("Port " + other.getLocalPort()
                            + " on 127.0.0.1 is used by a program that is not a p2p-copy relay;"
                            + " stop that program or set P2P_COPY_RELAY to another relay.");
        }
    }

    @Test
    void aServerThatNeverAnswersIsNotARelay() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            HealthProbe probe = new HealthProbe("127.0.0.1", silent.getLocalPort(), Duration.ofMillis(200));

            assertThat(probe.check()).isEqualTo(HealthProbe.Answer.OTHER);
        }
    }

    private static void answerEveryConnection(ServerSocket server, String answer) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                in.read(new byte[4096]);
                OutputStream out = socket.getOutputStream();
                out.write(answer.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closed) {
                // The test is over once the server socket closes.
            }
        }
    }

    private static HealthProbe.Answer probe(int port) {
        return new HealthProbe("127.0.0.1", port, Duration.ofSeconds(2)).check();
    }
}
