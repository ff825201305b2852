package dev.p2pcopy.desktop.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.p2pcopy.desktop.testing.LoopbackRelay;
import dev.p2pcopy.desktop.testing.Ports;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class RelayProbeTest {
    @RegisterExtension
    static final LoopbackRelay RELAY = new LoopbackRelay();

    private final RelayProbe probe = new RelayProbe();
    private HttpServer other;

    @AfterEach
    void stop() {
        if (other != null) {
            other.stop(0);
        }
    }

    @Test
    void readsTheStatisticsOfARealRelay() {
        RelayStatus status = probe.probe(target(RELAY.url()), "");
        assertThat(status.reachable()).isTrue();
        assertThat(status.hasStats()).isTrue();
        assertThat(status.problem()).isEmpty();
        assertThat(status.latencyMillis()).isNotNegative().isLessThan(RelayProbe.TIMEOUT.toMillis());
        assertThat(status.version()).isNotEmpty();
        assertThat(status.roomsWaiting()).isZero();
        assertThat(status.roomsPaired()).isZero();
        assertThat(status.bytesPerSecond()).isNotNegative();
        assertThat(status.uptimeSeconds()).isNotNegative();
    }

    @Test
    void aClosedPortIsNotReachable() throws IOException {
        int port = Ports.free();
        assertThat(probe.probe(target("ws://127.0.0.1:" + port), "").problem())
                .isEqualTo("Nothing answers at 127.0.0.1:" + port + ".");
        RelayTarget asDefault = new RelayTarget(URI.create("ws://127.0.0.1:" + port), true, "");
        assertThat(probe.probe(asDefault, "").problem())
                .endsWith("The app starts its own relay there with the first transfer.");
    }

    @Test
    void aRelayWithoutStatisticsIsReachableByItsHealthCheck() throws IOException {
        serve(Map.of("/healthz", "ok"));
        RelayStatus status = probe.probe(target(otherUrl()), "");
        assertThat(status.reachable()).isTrue();
        assertThat(status.hasStats()).isFalse();
        assertThat(status.latencyMillis()).isNotNegative();
    }

    @Test
    void somethingElseOnThePortIsNotARelay() throws IOException {
        serve(Map.of("/healthz", "<html>hello</html>"));
        assertThat(probe.probe(target(otherUrl()), "").problem())
                .isEqualTo("Something answers at " + otherHost() + ", but not like a p2p-copy relay (HTTP 404).");
    }

    @Test
    void statisticsThatAreNotARelaysAreRefused() throws IOException {
        serve(Map.of("/v1/stats", "{\"hello\": 1}"));
        assertThat(probe.probe(target(otherUrl()), "").problem())
                .isEqualTo("Something answers at " + otherHost() + ", but its statistics are not a p2p-copy relay's.");
        other.stop(0);
        serve(Map.of("/v1/stats", "not json"));
        assertThat(probe.probe(target(otherUrl()), "").problem()).contains("not a p2p-copy relay's");
    }

    @Test
    void aMissingOrWrongCertificateFileIsExplained(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("relay.pem");
        assertThat(probe.probe(target(RELAY.url()), missing.toString()).problem())
                .isEqualTo("The certificate file to trust, " + missing + ", does not exist.");
        Files.writeString(missing, "not a certificate");
        assertThat(probe.probe(target(RELAY.url()), missing.toString()).problem())
                .isEqualTo("The certificate file to trust cannot be read as a certificate (PEM or DER X.509).");
    }

    @Test
    void anUnknownHostIsExplained() {
        assertThat(probe.probe(target("ws://no-such-host.invalid:8765"), "").problem())
                .isEqualTo("The host name no-such-host.invalid is not known.");
    }

    private static RelayTarget target(String url) {
        return RelayTarget.resolve(url, RelayTargetTest.policy(name -> null));
    }

    private void serve(Map<String, String> answers) throws IOException {
        other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            String body = answers.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "not here" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        other.start();
    }

    private String otherHost() {
        return "127.0.0.1:" + other.getAddress().getPort();
    }

    private String otherUrl() {
        return "ws://" + otherHost();
    }
}
