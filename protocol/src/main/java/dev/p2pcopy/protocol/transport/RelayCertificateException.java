package dev.p2pcopy.protocol.transport;

import java.security.cert.CertificateException;

/**
 * The relay's certificate was refused, and why: not trusted, or not issued for the relay's name. Thrown by {@link
 * VerdictTrustManager} during the TLS handshake so that the failure can be told apart from other TLS errors.
 */
final class RelayCertificateException extends CertificateException {
    private static final long serialVersionUID = 1L;

    private final boolean wrongName;

    RelayCertificateException(boolean wrongName, CertificateException cause) {
        super(cause.getMessage(), cause);
        this.wrongName = wrongName;
    }

    /** Whether the certificate is trusted but was issued for another name than the relay's. */
    boolean wrongName() {
        return wrongName;
    }
}
