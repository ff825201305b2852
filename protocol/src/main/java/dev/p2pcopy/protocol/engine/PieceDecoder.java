package dev.p2pcopy.protocol.engine;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.p2pcopy.protocol.frame.DataCodec;
import dev.p2pcopy.protocol.frame.DataFrame;
import dev.p2pcopy.protocol.frame.ProtocolException;
import java.nio.ByteBuffer;

/**
 * Turns a DATA frame's content back into file bytes. Raw content is passed through as it is;
 * zstd content must decompress to exactly the declared length. The returned buffer is valid
 * until the next call. Not thread-safe.
 */
final class PieceDecoder implements AutoCloseable {
    private ZstdDecompressCtx zstd;
    private byte[] in = new byte[0];
    private byte[] out = new byte[0];

    /** The decoded bytes of {@code piece}. */
    ByteBuffer decode(DataFrame piece) throws ProtocolException {
        if (piece.codec() == DataCodec.NONE) {
            return piece.content();
        }
        ByteBuffer content = piece.content().duplicate();
        int inLength = content.remaining();
        if (in.length < inLength) {
            in = new byte[inLength];
        }
        content.get(in, 0, inLength);
        int rawLength = piece.rawLength();
        if (out.length < rawLength) {
            out = new byte[rawLength];
        }
        if (zstd == null) {
            zstd = new ZstdDecompressCtx();
        }
        int size;
        try {
            size = zstd.decompressByteArray(out, 0, rawLength, in, 0, inLength);
        } catch (ZstdException e) {
            throw new ProtocolException("A zstd piece of file " + piece.fileIndex() + " does not decompress to the "
                    + rawLength + " bytes it declares.");
        }
        if (size != rawLength) {
            throw new ProtocolException("A zstd piece of file " + piece.fileIndex() + " decompressed to " + size
                    + " bytes instead of " + rawLength + ".");
        }
        return ByteBuffer.wrap(out, 0, rawLength);
    }

    @Override
    public void close() {
        if (zstd != null) {
            zstd.close();
        }
    }
}
