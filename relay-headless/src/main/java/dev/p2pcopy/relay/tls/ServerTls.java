package dev.p2pcopy.relay.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's TLS: a certificate chain and its private key from PEM files, served with TLS 1.3 only (or 1.3 and
 * 1.2). Everything is checked at startup, so a relay with a wrong file never starts: missing or unreadable files,
 * files without a certificate or key, and a key that does not belong to the certificate.
 */
public final class ServerTls {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);

    /** Key algorithms tried for a PKCS#8 key, whose algorithm the JDK does not read out for us. */
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

    private static final String CERTIFICATE_FILE = "TLS certificate file";
    private static final String KEY_FILE = "TLS key file";

    private final SslContext context;

    private ServerTls(SslContext context) {
        this.context = context;
    }

    /**
     * Loads and checks the certificate chain and key.
     *
     * @param certificateFile PEM certificates, the relay's own first, then intermediates (e.g. certbot's {@code
     *     fullchain.pem})
     * @param keyFile the unencrypted PKCS#8 PEM private key of the first certificate (e.g. certbot's {@code
     *     privkey.pem})
     * @param minVersion {@code 1.3} for TLS 1.3 only, {@code 1.2} to accept TLS 1.2 as well
     * @return the relay's TLS
     * @throws IOException with a clause that says what is wrong with which file
     */
    public static ServerTls load(Path certificateFile, Path keyFile, String minVersion) throws IOException {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        if (!belongTogether(chain.get(0).getPublicKey(), key)) {
            throw new IOException("the key in " + keyFile + " does not belong to the certificate in " + certificateFile
                    + " (the relay's own certificate must come first in that file)");
        }
        warnIfNotValidNow(chain.get(0), certificateFile);
        String[] protocols = minVersion.equals("1.2") ? new String[] {"TLSv1.3", "TLSv1.2"} : new String[] {"TLSv1.3"};
        SslContext context = SslContextBuilder.forServer(key, chain)
                .sslProvider(SslProvider.JDK)
                .protocols(protocols)
                .build();
        return new ServerTls(context);
    }

    /**
     * A TLS handler for one accepted connection. Its own handshake timeout is off: the relay's handshake timeout
     * covers TLS and the WebSocket upgrade together.
     *
     * @param alloc the connection's allocator
     * @return the handler to put first in the connection's pipeline
     */
    public SslHandler newHandler(ByteBufAllocator alloc) {
        SslHandler handler = context.newHandler(alloc);
        handler.setHandshakeTimeoutMillis(0);
        return handler;
    }

    private static List<X509Certificate> certificates(Path file) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemFile.Block block : PemFile.read(file, CERTIFICATE_FILE)) {
                if (block.type().equals("CERTIFICATE")) {
                    chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(
                    "the " + CERTIFICATE_FILE + " " + file + " holds a certificate that cannot be read ("
                            + e.getMessage() + ")",
                    e);
        }
        if (chain.isEmpty()) {
            throw new IOException(
                    "the " + CERTIFICATE_FILE + " " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        for (PemFile.Block block : PemFile.read(file, KEY_FILE)) {
            switch (block.type()) {
                case "PRIVATE KEY":
                    return pkcs8(block.der(), file);
                case "ENCRYPTED PRIVATE KEY":
                    throw new IOException("the " + KEY_FILE + " " + file + " is encrypted; the relay needs it"
                            + " unencrypted: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
                case "RSA PRIVATE KEY", "EC PRIVATE KEY":
                    throw new IOException("the " + KEY_FILE + " " + file + " is in the old " + block.type()
                            + " format; convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in " + file
                            + " -out key.pem");
                default:
                // Certificates or parameters next to the key; look further.
            }
        }
        throw new IOException(
                "the " + KEY_FILE + " " + file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(byte[] der, Path file) throws IOException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | NoSuchAlgorithmException notThisOne) {
                // try the next algorithm
            }
        }
        throw new IOException("the " + KEY_FILE + " " + file + " holds a private key the relay cannot read");
    }

    /** Signs a random challenge with the key and checks it with the certificate's public key. */
    static boolean belongTogether(PublicKey certificateKey, PrivateKey key) {
        if (!certificateKey.getAlgorithm().equals(key.getAlgorithm())) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificateKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // Keys of different curves or sizes end here: they cannot belong together.
            return false;
        }
    }

    private static void warnIfNotValidNow(X509Certificate certificate, Path file) {
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException e) {
            LOG.warn(
                    "The TLS certificate in {} expired on {}; clients will refuse it.",
                    file,
                    certificate.getNotAfter());
        } catch (CertificateNotYetValidException e) {
            LOG.warn(
                    "The TLS certificate in {} is valid only from {}; clients will refuse it until then.",
                    file,
                    certificate.getNotBefore());
        }
    }
}
