package dev.p2pcopy.protocol.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates the SHA-256 a sender announces for a file with HMAC-SHA256 under the session key,
 * so that a file's integrity never rests on the relay, even when its data travels in clear.
 */
public final class HashMac {
    private static final byte[] LABEL = "p2p-copy/v1/file-end".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    /**
     * Creates the authenticator.
     *
     * @param key the session's hash key
     */
    public HashMac(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The tag, in lowercase hex, of file {@code fileIndex} having SHA-256 {@code sha256Hex}. */
    public String tag(int fileIndex, String sha256Hex) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(LABEL);
            mac.update(ByteBuffer.allocate(4).putInt(fileIndex).array());
            mac.update(sha256Hex.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    /** Whether {@code tagHex} is the right tag, compared in constant time. */
    public boolean verify(int fileIndex, String sha256Hex, String tagHex) {
        return MessageDigest.isEqual(
                tag(fileIndex, sha256Hex).getBytes(StandardCharsets.US_ASCII),
                tagHex.getBytes(StandardCharsets.US_ASCII));
    }
}
