package dev.p2pcopy.desktop.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Optional;

/** Tells whether a file holds a certificate, so a wrong choice is reported when it is made, not at the next transfer. */
final class CertificateCheck {
    private CertificateCheck() {}

    /**
     * Reads {@code file} as an X.509 certificate (PEM or DER).
     *
     * @return what is wrong with it as one sentence, or empty if it holds a certificate
     */
    static Optional<String> problem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            CertificateFactory.getInstance("X.509").generateCertificate(in);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("The file " + file + " cannot be read.");
        } catch (CertificateException e) {
            return Optional.of("The file " + file + " does not hold a certificate (PEM or DER X.509).");
        }
    }
}
