package dev.p2pcopy.protocol.transport;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS for {@code wss://} relays: the JDK's trust store, plus optionally one more certificate the user trusts (a
 * relay with a self-signed certificate), with host name verification always on. A certificate that does not
 * verify fails the connection with a sentence that says so; it is never accepted silently.
 */
final class ClientTls {
    private final X509Certificate trusted;
    private SslContext context;

    private ClientTls(X509Certificate trusted) {
        this.trusted = trusted;
    }

    /**
     * Reads the extra trusted certificate, if any, so that a wrong file is reported before any connection.
     *
     * @param trustedCertificate a PEM or DER certificate file, or null to trust the system store only
     * @throws TransferException with {@link FailureReason#USAGE} if the file is missing or holds no certificate
     */
    static ClientTls create(Path trustedCertificate) {
        return new ClientTls(trustedCertificate == null ? null : readCertificate(trustedCertificate));
    }

    /**
     * A TLS handler for a connection to {@code host}, which the certificate must name.
     *
     * @throws SSLException if the JDK's TLS cannot be set up
     */
    SslHandler newHandler(ByteBufAllocator alloc, String host, int port) throws SSLException {
        return context().newHandler(alloc, host, port);
    }

    /** Built on the first {@code wss://} connection: reading the system trust store takes a moment. */
    private synchronized SslContext context() throws SSLException {
        if (context == null) {
            context = SslContextBuilder.forClient()
                    .sslProvider(SslProvider.JDK)
                    .trustManager(trustManager())
                    .endpointIdentificationAlgorithm("HTTPS")
                    .protocols("TLSv1.3", "TLSv1.2")
                    .build();
        }
        return context;
    }

    private TrustManager trustManager() throws SSLException {
        try {
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init((KeyStore) null);
            X509ExtendedTrustManager systemTrust = x509(system);
            if (trusted == null) {
                return new VerdictTrustManager(systemTrust);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate anchor : systemTrust.getAcceptedIssuers()) {
                store.setCertificateEntry("system-" + n++, anchor);
            }
            store.setCertificateEntry("trusted-by-user", trusted);
            TrustManagerFactory both = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            both.init(store);
            return new VerdictTrustManager(x509(both));
        } catch (GeneralSecurityException | IOException e) {
            throw new SSLException("the trust store cannot be set up: " + e.getMessage(), e);
        }
    }

    private static X509ExtendedTrustManager x509(TrustManagerFactory factory) throws CertificateException {
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new CertificateException("the JDK offers no X.509 trust manager");
    }

    private static X509Certificate readCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (NoSuchFileException e) {
            throw new TransferException(
                    FailureReason.USAGE, "The certificate file " + file + " to trust does not exist.", e);
        } catch (IOException e) {
            throw new TransferException(
                    FailureReason.USAGE, "The certificate file " + file + " to trust cannot be read.", e);
        } catch (CertificateException | ClassCastException e) {
            throw new TransferException(
                    FailureReason.USAGE,
                    "The file " + file + " to trust does not hold a certificate (PEM or DER X.509).",
                    e);
        }
    }

    /**
     * The sentence for a connection that failed because the relay's certificate was refused.
     *
     * @param relay the relay as the user gave it
     * @param failure whatever the connection failed with
     * @return the failure to report, or empty if it was not a refused certificate
     */
    static Optional<TransferException> refusedCertificate(URI relay, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RelayCertificateException refused) {
                String message = refused.wrongName()
                        ? "The certificate of the relay at " + relay + " is not valid for the name " + relay.getHost()
                                + "; connect with a name the certificate was issued for."
                        : "The certificate of the relay at " + relay + " is not trusted; if the relay uses a"
                                + " self-signed certificate, pass that certificate with --trust-cert FILE.";
                return Optional.of(new TransferException(FailureReason.RELAY_UNREACHABLE, message, failure));
            }
        }
        return Optional.empty();
    }
}
