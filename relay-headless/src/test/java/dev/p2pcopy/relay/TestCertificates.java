package dev.p2pcopy.relay;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.net.ssl.SSLContext;

/** Certificates made in the test, written as PEM files the way certbot or openssl would write them. */
final class TestCertificates {

    /** A certificate file and its key file. */
    record PemPair(Path certificate, Path key) {}

    private TestCertificates() {}

    /** A self-signed certificate for 127.0.0.1 and localhost. */
    static X509Bundle selfSigned() throws Exception {
        return builder("CN=p2p-copy test relay").buildSelfSigned();
    }

    /** A certificate builder for the loopback names, valid from yesterday for a week. */
    static CertificateBuilder builder(String subject) {
        return new CertificateBuilder()
                .subject(subject)
                .addSanIpAddress("127.0.0.1")
                .addSanDnsName("localhost")
                .notBefore(Instant.now().minus(1, ChronoUnit.DAYS))
                .notAfter(Instant.now().plus(7, ChronoUnit.DAYS))
                .ecp256()
                .setIsCertificateAuthority(true);
    }

    /** Writes the bundle's certificate path (own certificate first) and its PKCS#8 key to {@code dir}. */
    static PemPair write(Path dir, String name, X509Bundle bundle) throws Exception {
        Path certificate = dir.resolve(name + "-chain.pem");
        Path key = dir.resolve(name + "-key.pem");
        Files.writeString(certificate, bundle.getCertificatePathPEM(), StandardCharsets.US_ASCII);
        Files.writeString(key, bundle.getPrivateKeyPEM(), StandardCharsets.US_ASCII);
        return new PemPair(certificate, key);
    }

    /** A TLS client context that trusts {@code anchor} and nothing else. */
    static SSLContext trusting(X509Bundle anchor) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, anchor.toTrustManagerFactory().getTrustManagers(), new SecureRandom());
        return context;
    }
}
