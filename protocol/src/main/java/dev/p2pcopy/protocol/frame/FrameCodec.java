package dev.p2pcopy.protocol.frame;

import dev.p2pcopy.protocol.crypto.FrameCipher;
import java.nio.ByteBuffer;

/**
 * The fixed frame header of protocol v1. Every WebSocket binary message between two peers is
 * exactly one frame:
 *
 * <pre>
 * offset size field
 *      0    1 type      (FrameType code)
 *      1    1 flags     (bit 0: payload sealed with AES-256-GCM; other bits 0)
 *      2    8 sequence  (unsigned, big endian, per direction, starts at 0, +1 per frame)
 *     10    4 length    (payload length, big endian, at most the type's maxPayload)
 *     14    n payload
 * </pre>
 */
public final class FrameCodec {
    /** Size of the fixed header. */
    public static final int HEADER_BYTES = 14;

    /** Flag bit of a sealed payload (see {@link FrameCipher}). */
    public static final int FLAG_SEALED = 0x01;

    /** Largest frame on the wire: the sealed DATA frame with a full 16 MiB piece. */
    public static final int MAX_FRAME_BYTES = HEADER_BYTES + FrameCipher.sealedLength(FrameType.DATA.maxPayload());

    private FrameCodec() {}

    /** Writes a header for {@code payloadLength} bytes at position 0 of {@code frame}. */
    static void writeHeader(byte[] frame, FrameType type, int flags, long sequence, int payloadLength) {
        ByteBuffer.wrap(frame)
                .put((byte) type.code())
                .put((byte) flags)
                .putLong(sequence)
                .putInt(payloadLength);
    }

    /** Encodes a frame whose payload is {@code payload} (copied). */
    static byte[] encode(FrameType type, long sequence, byte[] payload) {
        if (payload.length > type.maxPayload()) {
            throw new IllegalArgumentException(
                    type + " payload of " + payload.length + " bytes exceeds " + type.maxPayload());
        }
        byte[] frame = new byte[HEADER_BYTES + payload.length];
        writeHeader(frame, type, 0, sequence, payload.length);
        System.arraycopy(payload, 0, frame, HEADER_BYTES, payload.length);
        return frame;
    }

    /**
     * Decodes one message, without checking the sequence number (see {@link FrameReader}).
     *
     * @throws ProtocolException if the header is malformed or a length is out of bounds
     */
    public static Frame decode(ByteBuffer message) throws ProtocolException {
        if (message.remaining() < HEADER_BYTES) {
            throw new ProtocolException("A frame of " + message.remaining() + " bytes is shorter than its header.");
        }
        ByteBuffer in = message.slice();
        int code = in.get() & 0xff;
        FrameType type = FrameType.fromCode(code);
        if (type == null) {
            throw new ProtocolException("Unknown frame type 0x" + Integer.toHexString(code) + ".");
        }
        int flags = in.get() & 0xff;
        if ((flags & ~FLAG_SEALED) != 0) {
            throw new ProtocolException(
                    "Frame flags 0x" + Integer.toHexString(flags) + " are not defined in protocol v1.");
        }
        long sequence = in.getLong();
        long length = in.getInt() & 0xffffffffL;
        long limit = (flags & FLAG_SEALED) != 0 ? FrameCipher.sealedLength(type.maxPayload()) : type.maxPayload();
        if (length > limit) {
            throw new ProtocolException(type + " payload of " + length + " bytes exceeds the limit of " + limit + ".");
        }
        if (length != in.remaining()) {
            throw new ProtocolException(
                    type + " header says " + length + " payload bytes but the message carries " + in.remaining() + ".");
        }
        return new Frame(type, flags, sequence, in.slice().asReadOnlyBuffer());
    }
}
