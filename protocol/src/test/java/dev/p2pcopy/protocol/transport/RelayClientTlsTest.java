package dev.p2pcopy.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayServer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code wss://} against a real relay serving TLS with a certificate made in the test. */
@Timeout(60)
class RelayClientTlsTest {
    private static final String ROOM = "0123456789abcdef".repeat(4);

    @TempDir
    static Path dir;

    private static TestCertificate loopback;
    private static TestCertificate elsewhere;
    private static TestCertificate stranger;

    private RelayServer relay;
    private RelayClient client;

    @BeforeAll
    static void makeCertificates() throws Exception {
        loopback = TestCertificate.create(dir, "loopback", "127.0.0.1", "localhost");
        elsewhere = TestCertificate.create(dir, "elsewhere", "relay.example");
        stranger = TestCertificate.create(dir, "stranger", "127.0.0.1");
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (relay != null) {
            relay.close();
        }
    }

    private URI startRelay(TestCertificate certificate) throws Exception {
        relay = RelayServer.start(RelayConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .tls(certificate.certificate(), certificate.key())
                .build());
        return relay.uri();
    }

    @Test
    void aTrustedSelfSignedRelayCarriesAFrame() throws Exception {
        URI uri = startRelay(loopback);
        assertThat(uri.getScheme()).isEqualTo("wss");
        client = RelayClient.create(loopback.certificate());
        Recorder sender = new Recorder();
        Recorder receiver = new Recorder();

        RelayConnection send = client.connect(uri, ROOM, Role.SEND, sender);
        assertThat(send.joined().get(10, TimeUnit.SECONDS)).isFalse();
        URI byName = URI.create("wss://localhost:" + relay.port());
        RelayConnection receive = client.connect(byName, ROOM, Role.RECEIVE, receiver);
        assertThat(receive.joined().get(10, TimeUnit.SECONDS)).isTrue();
        sender.paired.get(10, TimeUnit.SECONDS);

        byte[] frame = "sealed by TLS on the way".getBytes(StandardCharsets.UTF_8);
        send.send(frame, frame.length);
        ByteBuffer got = receiver.frames.poll(10, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        byte[] bytes = new byte[got.remaining()];
        got.get(bytes);
        assertThat(bytes).isEqualTo(frame);
        send.close(1000, "done");
        receive.close(1000, "done");
    }

    @Test
    void aRelayWhoseCertificateNobodyTrustsIsRefusedWithAHint() throws Exception {
        URI uri = startRelay(loopback);
        client = RelayClient.create();
        assertNotTrusted(client.connect(uri, ROOM, Role.SEND, new Recorder()).joined(), uri);
    }

    @Test
    void trustingAnotherCertificateDoesNotTrustThisOne() throws Exception {
        URI uri = startRelay(loopback);
        client = RelayClient.create(stranger.certificate());
        assertNotTrusted(client.connect(uri, ROOM, Role.SEND, new Recorder()).joined(), uri);
    }

    @Test
    void aTrustedCertificateForAnotherNameIsRefused() throws Exception {
        URI uri = startRelay(elsewhere);
        client = RelayClient.create(elsewhere.certificate());
        TransferException failure =
                failure(client.connect(uri, ROOM, Role.SEND, new Recorder()).joined());
        assertThat(failure.reason()).isEqualTo(FailureReason.RELAY_UNREACHABLE);
        assertThat(failure)
                .hasMessage("The certificate of the relay at " + uri + " is not valid for the name 127.0.0.1;"
                        + " connect with a name the certificate was issued for.");
    }

    @Test
    void aTrustFileThatIsMissingOrNoCertificateIsAUsageError() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> RelayClient.create(missing))
                .isInstanceOfSatisfying(
                        TransferException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.USAGE))
                .hasMessage("The certificate file " + missing + " to trust does not exist.");
        Path notACertificate = Files.writeString(dir.resolve("notes.txt"), "not a certificate");
        assertThatThrownBy(() -> RelayClient.create(notACertificate))
                .isInstanceOfSatisfying(
                        TransferException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.USAGE))
                .hasMessage("The file " + notACertificate + " to trust does not hold a certificate (PEM or DER"
                        + " X.509).");
    }

    private static void assertNotTrusted(CompletableFuture<Boolean> joined, URI uri) throws Exception {
        TransferException failure = failure(joined);
        assertThat(failure.reason()).isEqualTo(FailureReason.RELAY_UNREACHABLE);
        assertThat(failure)
                .hasMessage("The certificate of the relay at " + uri + " is not trusted; if the relay uses a"
                        + " self-signed certificate, pass that certificate with --trust-cert FILE.");
    }

    private static TransferException failure(CompletableFuture<Boolean> joined) throws Exception {
        try {
            joined.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(TransferException.class);
            return (TransferException) e.getCause();
        }
        throw new AssertionError("the connection was accepted");
    }

    /** Records what a connection hears. */
    private static final class Recorder implements RelayListener {
        final CompletableFuture<Void> paired = new CompletableFuture<>();
        final BlockingQueue<ByteBuffer> frames = new LinkedBlockingQueue<>();

        @Override
        public void onPaired(long pairing) {
            paired.complete(null);
        }

        @Override
        public void onFrame(ByteBuffer frame) {
            frames.add(frame);
        }

        @Override
        public void onPeerLeft() {}

        @Override
        public void onClosed(TransferException failure) {}
    }
}
