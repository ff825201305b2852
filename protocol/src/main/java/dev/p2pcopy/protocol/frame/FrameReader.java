package dev.p2pcopy.protocol.frame;

import dev.p2pcopy.protocol.crypto.FrameCipher;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Decodes and, once the keys exist, opens the frames of one direction. Checks that sequence
 * numbers arrive without gaps, repeats or reordering, and that nothing but the handshake travels
 * unsealed. Reads happen on one thread; {@link #startOpening} may be called from another before
 * the peer can send its first sealed frame.
 */
public final class FrameReader {
    private long expectedSequence;
    private volatile FrameCipher cipher;
    private volatile boolean clearData;
    private boolean sealedSeen;

    /**
     * Opens sealed frames from now on and refuses unsealed ones other than the handshake.
     *
     * @param cipher the peer's direction's cipher
     * @param clearData whether the peer announced DATA in clear
     */
    public void startOpening(FrameCipher cipher, boolean clearData) {
        this.clearData = clearData;
        this.cipher = cipher;
    }

    /**
     * Decodes the next message. A sealed message is opened in place when it is backed by a
     * writable array, which the reader then owns.
     *
     * @throws IntegrityException if a frame was altered, injected, lost, repeated or reordered
     * @throws ProtocolException on any other malformed frame
     */
    public Frame read(ByteBuffer message) throws ProtocolException {
        Frame frame = FrameCodec.decode(message);
        checkSequence(frame);
        if (frame.sealed()) {
            return open(message, frame);
        }
        FrameCipher c = cipher;
        boolean clearAllowed =
                frame.type().isHandshake() && !sealedSeen || frame.type() == FrameType.DATA && c != null && clearData;
        if (!clearAllowed) {
            if (c == null) {
                throw new ProtocolException(
                        "The other side sent " + frame.type() + " before the connection was secured.");
            }
            throw new IntegrityException("An unsealed " + frame.type()
                    + " frame arrived on the secured connection: it was injected or altered in transit.");
        }
        return frame;
    }

    private static ByteBuffer copyOf(ByteBuffer message) {
        byte[] copy = new byte[message.remaining()];
        message.duplicate().get(copy);
        return ByteBuffer.wrap(copy);
    }

    private void checkSequence(Frame frame) throws IntegrityException {
        long sequence = frame.sequence();
        if (sequence != expectedSequence) {
            String what = Long.compareUnsigned(sequence, expectedSequence) < 0
                    ? "frame " + sequence + " arrived again or late where frame " + expectedSequence
                            + " was expected: frames were replayed or reordered in transit."
                    : "frame " + sequence + " arrived where frame " + expectedSequence
                            + " was expected: frames were dropped or reordered in transit.";
            throw new IntegrityException(Character.toUpperCase(what.charAt(0)) + what.substring(1));
        }
        expectedSequence++;
    }

    private Frame open(ByteBuffer message, Frame frame) throws ProtocolException {
        FrameCipher c = cipher;
        if (c == null) {
            throw new ProtocolException(
                    "The other side sent a sealed " + frame.type() + " frame before the keys were agreed.");
        }
        // The transport hands each message over in an array of its own: open it there, no copy.
        ByteBuffer own = message.hasArray() && !message.isReadOnly() ? message : copyOf(message);
        byte[] buffer = own.array();
        int start = own.arrayOffset() + own.position();
        byte[] header = Arrays.copyOfRange(buffer, start, start + FrameCodec.HEADER_BYTES);
        int plainLength;
        try {
            plainLength = c.open(
                    header,
                    frame.sequence(),
                    buffer,
                    start + FrameCodec.HEADER_BYTES,
                    own.remaining() - FrameCodec.HEADER_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IntegrityException("A " + frame.type()
                    + " frame failed authentication: it was altered, injected or spliced in transit.");
        }
        if (plainLength > frame.type().maxPayload()) {
            throw new ProtocolException(frame.type() + " payload of " + plainLength + " bytes exceeds the limit of "
                    + frame.type().maxPayload() + ".");
        }
        sealedSeen = true;
        ByteBuffer plain = ByteBuffer.wrap(buffer, start + FrameCodec.HEADER_BYTES, plainLength)
                .slice();
        return new Frame(frame.type(), frame.flags(), frame.sequence(), plain.asReadOnlyBuffer());
    }
}
