package dev.p2pcopy.protocol.frame;

import dev.p2pcopy.protocol.crypto.FrameCipher;
import java.util.Arrays;

/**
 * Numbers, encodes and, once the keys exist, seals the frames of one direction. Not
 * thread-safe: encode and send under one lock, so that frames leave in sequence order.
 */
public final class FrameWriter {
    private long nextSequence;
    private FrameCipher cipher;
    private boolean sealData;
    /** Reused for sealed DATA frames: the connection copies each frame before send returns. */
    private byte[] sealedData = new byte[0];

    /**
     * Seals every frame from now on.
     *
     * @param cipher this direction's cipher
     * @param sealData false to send DATA payloads in clear (the sender chose speed over
     *     confidentiality; control frames stay sealed)
     */
    public void startSealing(FrameCipher cipher, boolean sealData) {
        this.cipher = cipher;
        this.sealData = sealData;
    }

    /** Encodes a control frame with the next sequence number. */
    public byte[] control(FrameType type, byte[] payload) {
        if (type == FrameType.DATA) {
            throw new IllegalArgumentException("DATA frames are built with newDataFrame/finishData");
        }
        if (cipher == null) {
            return FrameCodec.encode(type, nextSequence++, payload);
        }
        if (payload.length > type.maxPayload()) {
            throw new IllegalArgumentException(
                    type + " payload of " + payload.length + " bytes exceeds " + type.maxPayload());
        }
        byte[] out = new byte[FrameCodec.HEADER_BYTES + FrameCipher.sealedLength(payload.length)];
        seal(type, payload, 0, payload.length, out);
        return out;
    }

    /**
     * A buffer for a DATA frame with room for {@code capacity} content bytes. Fill the content
     * at {@link DataFrame#CONTENT_OFFSET}, then call {@link #finishData}. Reading the file
     * straight into the frame saves a copy.
     */
    public static byte[] newDataFrame(int capacity) {
        if (capacity < 0 || capacity > DataFrame.MAX_DATA_BYTES) {
            throw new IllegalArgumentException("DATA capacity " + capacity + " out of range");
        }
        return new byte[DataFrame.CONTENT_OFFSET + capacity];
    }

    /**
     * Completes a DATA frame whose content ({@code contentLength} bytes) is already at {@link
     * DataFrame#CONTENT_OFFSET}, and numbers it. A clear frame is finished in place; a sealed one
     * goes to a buffer the writer reuses for the next sealed DATA frame, so send it first.
     */
    public EncodedFrame finishData(
            byte[] frame, int fileIndex, long offset, DataCodec codec, int rawLength, int contentLength) {
        int payload = DataFrame.HEADER_BYTES + contentLength;
        DataFrame.writeHeader(frame, fileIndex, offset, codec, rawLength);
        if (cipher != null && sealData) {
            int length = FrameCodec.HEADER_BYTES + FrameCipher.sealedLength(payload);
            if (sealedData.length < length) {
                sealedData = new byte[length];
            }
            seal(FrameType.DATA, frame, FrameCodec.HEADER_BYTES, payload, sealedData);
            return new EncodedFrame(sealedData, length);
        }
        FrameCodec.writeHeader(frame, FrameType.DATA, 0, nextSequence++, payload);
        return new EncodedFrame(frame, FrameCodec.HEADER_BYTES + payload);
    }

    /** The sequence number the next frame will get. */
    public long nextSequence() {
        return nextSequence;
    }

    private void seal(FrameType type, byte[] src, int off, int len, byte[] out) {
        int sealedLength = FrameCipher.sealedLength(len);
        long sequence = nextSequence++;
        FrameCodec.writeHeader(out, type, FrameCodec.FLAG_SEALED, sequence, sealedLength);
        byte[] header = Arrays.copyOf(out, FrameCodec.HEADER_BYTES);
        cipher.seal(header, sequence, src, off, len, out, FrameCodec.HEADER_BYTES);
    }
}
