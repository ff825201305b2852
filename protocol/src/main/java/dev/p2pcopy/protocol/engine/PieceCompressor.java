package dev.p2pcopy.protocol.engine;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.p2pcopy.protocol.Compression;
import dev.p2pcopy.protocol.frame.DataCodec;
import dev.p2pcopy.protocol.frame.DataFrame;
import dev.p2pcopy.protocol.frame.FrameWriter;

/**
 * Decides per piece whether zstd pays off and, if so, compresses it into a second frame
 * buffer. In {@link Compression#AUTO} a piece travels raw unless zstd saves at least 10 %,
 * and after {@value #AUTO_GIVE_UP} pieces of one file that did not shrink, the rest of that
 * file is not tried. Not thread-safe; one per sending thread.
 */
final class PieceCompressor implements AutoCloseable {
    /** Pieces of one file that may fail to shrink before AUTO stops trying for that file. */
    static final int AUTO_GIVE_UP = 4;

    private static final int ZSTD_LEVEL = 1;
    private static final int MIN_WORTH_TRYING = 128;

    /**
     * A frame ready to finish: {@code frame} holds {@code contentLength} content bytes at
     * {@link DataFrame#CONTENT_OFFSET} encoded with {@code codec}.
     */
    record Encoded(byte[] frame, DataCodec codec, int contentLength) {}

    private final Compression mode;
    private final int maxPiece;
    private ZstdCompressCtx zstd;
    private byte[] compressedFrame;
    private int failuresInFile;

    /**
     * @param mode what the user asked for
     * @param peerDecodesZstd whether the receiver listed zstd in its HELLO
     * @param maxPiece largest raw piece that will be offered
     */
    PieceCompressor(Compression mode, boolean peerDecodesZstd, int maxPiece) {
        this.mode = peerDecodesZstd ? mode : Compression.NONE;
        this.maxPiece = maxPiece;
    }

    /** A new file starts: AUTO tries again. */
    void startFile() {
        failuresInFile = 0;
    }

    /** Encodes the {@code rawLength} content bytes already in {@code rawFrame}. */
    Encoded encode(byte[] rawFrame, int rawLength) {
        boolean trying = switch (mode) {
            case NONE -> false;
            case ZSTD -> true;
            case AUTO -> failuresInFile < AUTO_GIVE_UP;
        };
        if (trying && rawLength >= MIN_WORTH_TRYING) {
            int limit = mode == Compression.AUTO ? (int) ((long) rawLength * 9 / 10) : rawLength - 1;
            int size = compress(rawFrame, rawLength, limit);
            if (size > 0 && (mode != Compression.AUTO || (long) size * 10 < (long) rawLength * 9)) {
                return new Encoded(compressedFrame, DataCodec.ZSTD, size);
            }
            failuresInFile++;
        }
        return new Encoded(rawFrame, DataCodec.NONE, rawLength);
    }

    /** The compressed size, or -1 if it would not fit in {@code limit} bytes. */
    private int compress(byte[] rawFrame, int rawLength, int limit) {
        if (zstd == null) {
            zstd = new ZstdCompressCtx().setLevel(ZSTD_LEVEL);
            compressedFrame = FrameWriter.newDataFrame(maxPiece);
        }
        try {
            return zstd.compressByteArray(
                    compressedFrame, DataFrame.CONTENT_OFFSET, limit, rawFrame, DataFrame.CONTENT_OFFSET, rawLength);
        } catch (ZstdException e) {
            return -1; // zstd gives up when the output would exceed the limit
        }
    }

    @Override
    public void close() {
        if (zstd != null) {
            zstd.close();
        }
    }
}
