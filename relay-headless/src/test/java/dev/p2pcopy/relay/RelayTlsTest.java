package dev.p2pcopy.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.relay.TestCertificates.PemPair;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(30)
class RelayTlsTest extends RelayFixture {

    private static X509Bundle relayCertificate;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeTheCertificate() throws Exception {
        relayCertificate = TestCertificates.selfSigned();
    }

    @Test
    void servesWssToAClientThatTrustsItsCertificate() throws Exception {
        PemPair files = TestCertificates.write(dir, "relay", relayCertificate);
        RelayServer relay = start(b -> b.tls(files.certificate(), files.key()));
        assertThat(relay.uri().toString()).isEqualTo("wss://127.0.0.1:" + relay.port());

        HttpClient client = HttpClient.newBuilder()
                .sslContext(TestCertificates.trusting(relayCertificate))
                .build();
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(client, relay.uri(), room, RelayContract.ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(RelayContract.NOTICE_WAITING);
        TestPeer receiver = TestPeer.connect(client, relay.uri(), room, RelayContract.ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(RelayContract.pairedNotice(1));
        byte[] data = "through TLS".getBytes(StandardCharsets.UTF_8);
        sender.send(data);
        assertThat(receiver.nextBinary()).isEqualTo(data);
    }

    @Test
    void speaksTls13OnlyByDefault() throws Exception {
        PemPair files = TestCertificates.write(dir, "relay", relayCertificate);
        RelayServer relay = start(b -> b.tls(files.certificate(), files.key()));

        try (SSLSocket tls12 = socket(relay, "TLSv1.2")) {
            assertThatThrownBy(tls12::startHandshake).isInstanceOf(SSLHandshakeException.class);
        }
        try (SSLSocket tls13 = socket(relay, "TLSv1.3", "TLSv1.2")) {
            assertThat(healthOver(tls13)).endsWith("ok");
            assertThat(tls13.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void acceptsTls12WhenTheOperatorAllowsIt() throws Exception {
        PemPair files = TestCertificates.write(dir, "relay", relayCertificate);
        RelayServer relay = start(b -> b.tls(files.certificate(), files.key()).tlsMinVersion("1.2"));

        try (SSLSocket tls12 = socket(relay, "TLSv1.2")) {
            assertThat(healthOver(tls12)).endsWith("ok");
            assertThat(tls12.getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void sendsTheIntermediatesOfTheCertificateFile() throws Exception {
        X509Bundle root = TestCertificates.builder("CN=test root").buildSelfSigned();
        X509Bundle intermediate = new CertificateBuilder()
                .subject("CN=test intermediate")
                .setIsCertificateAuthority(true)
                .ecp256()
                .buildIssuedBy(root);
        X509Bundle leaf = TestCertificates.builder("CN=relay")
                .setIsCertificateAuthority(false)
                .buildIssuedBy(intermediate);
        PemPair files = TestCertificates.write(dir, "relay", leaf);
        RelayServer relay = start(b -> b.tls(files.certificate(), files.key()));

        // The client knows the root only: it can verify the relay only if the relay sends the intermediate.
        try (SSLSocket socket = (SSLSocket)
                TestCertificates.trusting(root).getSocketFactory().createSocket("127.0.0.1", relay.port())) {
            assertThat(healthOver(socket)).endsWith("ok");
            assertThat(socket.getSession().getPeerCertificates()).hasSize(2);
        }
    }

    @Test
    void startsWithACertificateOutsideItsValidityButWarns() throws Exception {
        X509Bundle expired = TestCertificates.builder("CN=expired")
                .notBefore(Instant.now().minus(10, ChronoUnit.DAYS))
                .notAfter(Instant.now().minus(1, ChronoUnit.DAYS))
                .buildSelfSigned();
        X509Bundle future = TestCertificates.builder("CN=future")
                .notBefore(Instant.now().plus(1, ChronoUnit.DAYS))
                .notAfter(Instant.now().plus(10, ChronoUnit.DAYS))
                .buildSelfSigned();
        for (X509Bundle bundle : new X509Bundle[] {expired, future}) {
            PemPair files = TestCertificates.write(dir, "odd", bundle);
            assertThat(start(b -> b.tls(files.certificate(), files.key())).uri().getScheme())
                    .isEqualTo("wss");
        }
    }

    @Test
    void refusesToStartWithAKeyThatIsNotTheCertificates() throws Exception {
        PemPair files = TestCertificates.write(dir, "relay", relayCertificate);
        PemPair other = TestCertificates.write(dir, "other", TestCertificates.selfSigned());
        PemPair rsa = TestCertificates.write(
                dir, "rsa", TestCertificates.builder("CN=rsa").rsa2048().buildSelfSigned());

        assertStartFails(
                files.certificate(),
                other.key(),
                "the key in " + other.key() + " does not belong to the certificate in " + files.certificate()
                        + " (the relay's own certificate must come first in that file)");
        assertStartFails(
                files.certificate(),
                rsa.key(),
                "the key in " + rsa.key() + " does not belong to the certificate in " + files.certificate()
                        + " (the relay's own certificate must come first in that file)");
    }

    @Test
    void namesTheFileThatIsMissingOrUnusable() throws Exception {
        PemPair files = TestCertificates.write(dir, "relay", relayCertificate);
        Path missing = dir.resolve("missing.pem");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing in PEM here\n");
        Path damaged = Files.writeString(dir.resolve("damaged.pem"), pem("CERTIFICATE", "A"));
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), pem("CERTIFICATE", "AAECAwQF"));
        Path encrypted = Files.writeString(dir.resolve("encrypted.pem"), pem("ENCRYPTED PRIVATE KEY", "AAECAwQF"));
        Path pkcs1 = Files.writeString(dir.resolve("pkcs1.pem"), pem("RSA PRIVATE KEY", "AAECAwQF"));
        Path unreadableKey = Files.writeString(dir.resolve("unknown-key.pem"), pem("PRIVATE KEY", "AAECAwQF"));

        assertStartFails(missing, files.key(), "the TLS certificate file " + missing + " does not exist");
        assertStartFails(files.certificate(), missing, "the TLS key file " + missing + " does not exist");
        assertStartFails(dir, files.key(), "the TLS certificate file " + dir + " cannot be read (");
        assertStartFails(
                empty,
                files.key(),
                "the TLS certificate file " + empty + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        assertStartFails(damaged, files.key(), "the TLS certificate file " + damaged + " has a damaged PEM block");
        assertStartFails(
                garbage,
                files.key(),
                "the TLS certificate file " + garbage + " holds a certificate that cannot be read");
        assertStartFails(
                files.certificate(),
                files.certificate(),
                "the TLS key file " + files.certificate() + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
        assertStartFails(
                files.certificate(),
                encrypted,
                "the TLS key file " + encrypted + " is encrypted; the relay needs it unencrypted: openssl pkcs8"
                        + " -topk8 -nocrypt -in " + encrypted + " -out key.pem");
        assertStartFails(
                files.certificate(),
                pkcs1,
                "the TLS key file " + pkcs1 + " is in the old RSA PRIVATE KEY format; convert it to PKCS#8: openssl"
                        + " pkcs8 -topk8 -nocrypt -in " + pkcs1 + " -out key.pem");
        assertStartFails(
                files.certificate(),
                unreadableKey,
                "the TLS key file " + unreadableKey + " holds a private key the relay cannot read");
    }

    @Test
    void acceptsACombinedFileWithKeyAndCertificates() throws Exception {
        PemPair files = TestCertificates.write(dir, "relay", relayCertificate);
        Path combined = dir.resolve("combined.pem");
        Files.writeString(combined, Files.readString(files.certificate()) + Files.readString(files.key()));
        assertThat(start(b -> b.tls(combined, combined)).uri().getScheme()).isEqualTo("wss");
    }

    @Test
    void theCommandSaysInOneSentenceWhyItCannotStart() throws Exception {
        PemPair files = TestCertificates.write(dir, "relay", relayCertificate);
        Path missing = dir.resolve("missing-key.pem");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RelayCommand());
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute(
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--tls-cert",
                files.certificate().toString(),
                "--tls-key",
                missing.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("The relay could not start: the TLS key file " + missing + " does not exist."
                        + System.lineSeparator());
    }

    @Test
    void theCommandReadsTheTlsFlags() throws Exception {
        PemPair files = TestCertificates.write(dir, "relay", relayCertificate);
        RelayCommand command = new RelayCommand();
        new CommandLine(command)
                .parseArgs(
                        "--tls-cert", files.certificate().toString(),
                        "--tls-key", files.key().toString(),
                        "--tls-min-version", "1.2");
        RelayConfig config = command.config();
        assertThat(config.tlsCertificate()).contains(files.certificate());
        assertThat(config.tlsKey()).contains(files.key());
        assertThat(config.tlsMinVersion()).isEqualTo("1.2");
    }

    private void assertStartFails(Path certificate, Path key, String messageStart) {
        assertThatThrownBy(() -> start(b -> b.tls(certificate, key)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(messageStart);
    }

    private static String pem(String type, String base64) {
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    private static SSLSocket socket(RelayServer relay, String... protocols) throws Exception {
        SSLContext context = TestCertificates.trusting(relayCertificate);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", relay.port());
        socket.setSoTimeout(10_000);
        socket.setEnabledProtocols(protocols);
        return socket;
    }

    /** Asks for /healthz over the TLS socket and returns the whole answer. */
    private static String healthOver(SSLSocket socket) throws IOException {
        socket.setSoTimeout(10_000);
        socket.getOutputStream()
                .write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        socket.getInputStream().transferTo(answer);
        return answer.toString(StandardCharsets.UTF_8);
    }
}
