package dev.p2pcopy.protocol.frame;

/**
 * Numbers and encodes the frames of one direction. Not thread-safe: encode and send under one
 * lock, so that frames leave in sequence order.
 */
public final class FrameWriter {
    private long nextSequence;

    /** Encodes a control frame with the next sequence number. */
    public byte[] control(FrameType type, byte[] payload) {
        if (type == FrameType.DATA) {
            throw new IllegalArgumentException("DATA frames are built with newDataFrame/finishData");
        }
        return FrameCodec.encode(type, nextSequence++, payload);
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
     * Writes the headers of a DATA frame whose content ({@code contentLength} bytes) is already
     * at {@link DataFrame#CONTENT_OFFSET}, and numbers it.
     *
     * @return the frame length: send bytes {@code [0, length)} of {@code frame}
     */
    public int finishData(byte[] frame, int fileIndex, long offset, DataCodec codec, int rawLength, int contentLength) {
        int payload = DataFrame.HEADER_BYTES + contentLength;
        FrameCodec.writeHeader(frame, FrameType.DATA, nextSequence++, payload);
        DataFrame.writeHeader(frame, fileIndex, offset, codec, rawLength);
        return FrameCodec.HEADER_BYTES + payload;
    }

    /** The sequence number the next frame will get. */
    public long nextSequence() {
        return nextSequence;
    }
}
