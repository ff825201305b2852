package dev.p2pcopy.protocol.crypto;

import dev.p2pcopy.protocol.message.ControlCodec;
import dev.p2pcopy.protocol.message.Hello;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The hash of what both sides said before the PAKE, which salts the session keys. The HELLOs are
 * re-encoded rather than hashed as received, so that both sides hash the same bytes whatever
 * harmless whitespace the wire carried; any change in meaning changes the keys.
 */
public final class Transcript {
    private Transcript() {}

    /** The transcript hash of both HELLOs, the sender's first whichever side asks. */
    public static byte[] hash(Hello ours, Hello peer) {
        boolean weSend = ours.role().equals("send");
        Hello send = weSend ? ours : peer;
        Hello receive = weSend ? peer : ours;
        MessageDigest digest = Sha256.newDigest();
        digest.update("p2p-copy/v1/transcript".getBytes(StandardCharsets.US_ASCII));
        for (Hello hello : new Hello[] {send, receive}) {
            byte[] encoded = ControlCodec.encode(hello);
            digest.update(ByteBuffer.allocate(4).putInt(encoded.length).array());
            digest.update(encoded);
        }
        return digest.digest();
    }
}
