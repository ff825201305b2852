package dev.p2pcopy.desktop.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The probe of a {@code wss://} relay with a self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
@Timeout(60)
class RelayProbeTlsTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static RelayServer relay;
    private static Path certificate;

    @BeforeAll
    static void start() throws Exception {
        Path store = dir.resolve("relay.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "relay",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=p2p-copy test relay",
                        "-ext",
                        "san=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(keytool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        certificate = pem(
                dir.resolve("relay-cert.pem"),
                "CERTIFICATE",
                keys.getCertificate("relay").getEncoded());
        Path key = pem(
                dir.resolve("relay-key.pem"),
                "PRIVATE KEY",
                keys.getKey("relay", PASSWORD.toCharArray()).getEncoded());
        relay = RelayServer.start(RelayConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .tls(certificate, key)
                .build());
    }

    @AfterAll
    static void stop() {
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void aSelfSignedRelayIsNotTrustedUntilTheSettingsTrustItsCertificate() {
        RelayTarget target = RelayTarget.resolve(relay.uri().toString(), RelayTargetTest.policy(name -> null));
        assertThat(target.uri().getScheme()).isEqualTo("wss");
        RelayProbe probe = new RelayProbe();
        assertThat(probe.probe(target, "").problem())
                .isEqualTo("The certificate of the relay at 127.0.0.1:"
                        + relay.uri().getPort()
                        + " is not trusted; for a self-signed relay, choose its certificate in Settings.");
        RelayStatus trusted = probe.probe(target, certificate.toString());
        assertThat(trusted.reachable()).isTrue();
        assertThat(trusted.roomsWaiting()).isZero();
    }

    @Test
    void aCertificateForAnotherNameIsExplained() {
        // The certificate names 127.0.0.1 only; localhost reaches the same relay under another name.
        RelayTarget target =
                RelayTarget.resolve("wss://localhost:" + relay.uri().getPort(), RelayTargetTest.policy(name -> null));
        assertThat(new RelayProbe().probe(target, certificate.toString()).problem())
                .isEqualTo("The certificate of the relay at localhost:"
                        + relay.uri().getPort() + " is not valid for this host name.");
    }

    private static Path pem(Path file, String type, byte[] der) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        return file;
    }
}
