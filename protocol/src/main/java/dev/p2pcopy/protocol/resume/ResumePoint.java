package dev.p2pcopy.protocol.resume;

import dev.p2pcopy.protocol.crypto.Sha256;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Where receiving a file continues: the verified length of its partial file, and the SHA-256
 * digest that has consumed exactly those bytes, so that the whole-file hash is finished without
 * reading them again. The digest is handed over, not copied: whoever writes on updates it.
 *
 * @param offset bytes of the partial file that are verified, a multiple of the chunk size
 * @param sha256 a SHA-256 digest that has consumed bytes {@code [0, offset)}
 */
public record ResumePoint(long offset, MessageDigest sha256) {
    /** Checks the values. */
    public ResumePoint {
        if (offset < 0) {
            throw new IllegalArgumentException("Negative offset " + offset);
        }
        Objects.requireNonNull(sha256, "sha256");
    }

    /** Nothing kept: start from byte 0 with a new digest. */
    public static ResumePoint fresh() {
        return new ResumePoint(0, Sha256.newDigest());
    }
}
