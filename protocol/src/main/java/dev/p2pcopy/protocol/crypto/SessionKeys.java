package dev.p2pcopy.protocol.crypto;

import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The keys of one session, derived with HKDF-SHA256 from the PAKE's shared secret: one AES-256-GCM
 * key per direction and one HMAC key for the file hashes. The salt is the hash of both HELLOs, so
 * a HELLO altered in transit leaves the two sides with different keys and the first sealed frame
 * fails.
 */
public final class SessionKeys {
    private static final String LABEL = "p2p-copy/v1/";

    private final byte[] sendToReceive;
    private final byte[] receiveToSend;
    private final byte[] hashMac;

    private SessionKeys(byte[] sendToReceive, byte[] receiveToSend, byte[] hashMac) {
        this.sendToReceive = sendToReceive;
        this.receiveToSend = receiveToSend;
        this.hashMac = hashMac;
    }

    /**
     * Derives the keys.
     *
     * @param secret the PAKE's shared secret
     * @param transcript a hash of what both sides said before the PAKE
     */
    public static SessionKeys derive(byte[] secret, byte[] transcript) {
        return new SessionKeys(
                expand(secret, transcript, "send-to-receive"),
                expand(secret, transcript, "receive-to-send"),
                expand(secret, transcript, "file-hash-mac"));
    }

    /** The key for frames the sender sends. */
    public byte[] sendToReceive() {
        return sendToReceive.clone();
    }

    /** The key for frames the receiver sends. */
    public byte[] receiveToSend() {
        return receiveToSend.clone();
    }

    /**
     * The key for the frames a side sends.
     *
     * @param role the sending side's role, {@code send} or {@code receive}
     */
    public byte[] sentBy(String role) {
        return role.equals("send") ? sendToReceive() : receiveToSend();
    }

    /** The key that authenticates file hashes. */
    public byte[] hashMac() {
        return hashMac.clone();
    }

    private static byte[] expand(byte[] secret, byte[] salt, String purpose) {
        try {
            return Hkdf.computeHkdf(
                    "HMACSHA256",
                    secret,
                    salt,
                    (LABEL + purpose).getBytes(StandardCharsets.US_ASCII),
                    FrameCipher.KEY_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF-SHA256 is not available in this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "SessionKeys[redacted]";
    }
}
