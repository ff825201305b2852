package dev.p2pcopy.protocol.frame;

import java.nio.ByteBuffer;

/**
 * The payload of a DATA frame: a piece of one file.
 *
 * <pre>
 * offset size field
 *      0    4 fileIndex  (index of a FILE entry in the manifest)
 *      4    8 offset     (byte offset of this piece in the file)
 *     12    1 codec      (DataCodec code)
 *     13    4 rawLength  (length of the piece once decoded, at most 16 MiB)
 *     17    n content    (rawLength bytes when codec is NONE)
 * </pre>
 *
 * @param fileIndex manifest index of the file
 * @param offset where the piece starts in the file
 * @param codec content encoding
 * @param rawLength decoded length
 * @param content the encoded content, a read-only view
 */
public record DataFrame(int fileIndex, long offset, DataCodec codec, int rawLength, ByteBuffer content) {
    /** Size of the DATA payload header. */
    public static final int HEADER_BYTES = 17;
    /** Largest decoded piece, and largest content, of one DATA frame: 16 MiB. */
    public static final int MAX_DATA_BYTES = 16 * 1024 * 1024;
    /** Where the content starts within a whole encoded DATA frame. */
    public static final int CONTENT_OFFSET = FrameCodec.HEADER_BYTES + HEADER_BYTES;

    static void writeHeader(byte[] frame, int fileIndex, long offset, DataCodec codec, int rawLength) {
        ByteBuffer.wrap(frame, FrameCodec.HEADER_BYTES, HEADER_BYTES)
                .putInt(fileIndex)
                .putLong(offset)
                .put((byte) codec.code())
                .putInt(rawLength);
    }

    /**
     * Parses the payload of a DATA frame.
     *
     * @throws ProtocolException if the frame is not DATA or a field is out of bounds
     */
    public static DataFrame parse(Frame frame) throws ProtocolException {
        if (frame.type() != FrameType.DATA) {
            throw new ProtocolException("Expected a DATA frame, got " + frame.type() + ".");
        }
        ByteBuffer in = frame.payload().duplicate();
        if (in.remaining() < HEADER_BYTES) {
            throw new ProtocolException("A DATA frame of " + in.remaining() + " bytes is shorter than its header.");
        }
        int fileIndex = in.getInt();
        long offset = in.getLong();
        int codecCode = in.get() & 0xff;
        int rawLength = in.getInt();
        DataCodec codec = DataCodec.fromCode(codecCode);
        if (fileIndex < 0) {
            throw new ProtocolException("DATA frame names file index " + Integer.toUnsignedString(fileIndex) + ".");
        }
        if (offset < 0) {
            throw new ProtocolException("DATA frame has a negative offset.");
        }
        if (codec == null) {
            throw new ProtocolException("DATA frame uses unknown codec " + codecCode + ".");
        }
        if (rawLength < 0 || rawLength > MAX_DATA_BYTES) {
            throw new ProtocolException(
                    "DATA frame's decoded length " + Integer.toUnsignedString(rawLength) + " is out of bounds.");
        }
        if (codec == DataCodec.NONE && rawLength != in.remaining()) {
            throw new ProtocolException(
                    "DATA frame declares " + rawLength + " bytes but carries " + in.remaining() + ".");
        }
        return new DataFrame(fileIndex, offset, codec, rawLength, in.slice().asReadOnlyBuffer());
    }
}
