package dev.p2pcopy.protocol.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.Compression;
import dev.p2pcopy.protocol.frame.DataCodec;
import dev.p2pcopy.protocol.frame.DataFrame;
import dev.p2pcopy.protocol.frame.FrameWriter;
import dev.p2pcopy.protocol.frame.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class PieceCodingTest {
    private static final int PIECE = 64 * 1024;

    private static byte[] frameWith(byte[] content) {
        byte[] frame = FrameWriter.newDataFrame(PIECE);
        System.arraycopy(content, 0, frame, DataFrame.CONTENT_OFFSET, content.length);
        return frame;
    }

    private static byte[] text(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + (i % 7));
        }
        return b;
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static DataFrame asData(PieceCompressor.Encoded e, int rawLength) {
        ByteBuffer content = ByteBuffer.wrap(e.frame(), DataFrame.CONTENT_OFFSET, e.contentLength())
                .slice();
        return new DataFrame(0, 0, e.codec(), rawLength, content.asReadOnlyBuffer());
    }

    @Test
    void autoCompressesWhatShrinksAndTheDecoderRestoresIt() throws ProtocolException {
        byte[] raw = text(PIECE);
        try (PieceCompressor compressor = new PieceCompressor(Compression.AUTO, true, PIECE);
                PieceDecoder decoder = new PieceDecoder()) {
            PieceCompressor.Encoded e = compressor.encode(frameWith(raw), raw.length);
            assertThat(e.codec()).isEqualTo(DataCodec.ZSTD);
            assertThat(e.contentLength()).isLessThan(raw.length / 10);
            ByteBuffer decoded = decoder.decode(asData(e, raw.length));
            byte[] back = new byte[decoded.remaining()];
            decoded.get(back);
            assertThat(back).isEqualTo(raw);
        }
    }

    @Test
    void autoSendsRandomDataRawAndStopsTryingAfterFourPiecesOfAFile() {
        try (PieceCompressor compressor = new PieceCompressor(Compression.AUTO, true, PIECE)) {
            for (int i = 0; i < PieceCompressor.AUTO_GIVE_UP; i++) {
                byte[] frame = frameWith(random(PIECE, i));
                PieceCompressor.Encoded e = compressor.encode(frame, PIECE);
                assertThat(e.codec()).isEqualTo(DataCodec.NONE);
                assertThat(e.frame()).isSameAs(frame);
            }
            // Given up for this file: even text now travels raw.
            assertThat(compressor.encode(frameWith(text(PIECE)), PIECE).codec()).isEqualTo(DataCodec.NONE);
            compressor.startFile();
            assertThat(compressor.encode(frameWith(text(PIECE)), PIECE).codec()).isEqualTo(DataCodec.ZSTD);
        }
    }

    @Test
    void zstdKeepsTryingButNeverSendsALargerPiece() {
        try (PieceCompressor compressor = new PieceCompressor(Compression.ZSTD, true, PIECE)) {
            for (int i = 0; i < 6; i++) {
                assertThat(compressor.encode(frameWith(random(PIECE, i)), PIECE).codec())
                        .isEqualTo(DataCodec.NONE);
            }
            assertThat(compressor.encode(frameWith(text(PIECE)), PIECE).codec()).isEqualTo(DataCodec.ZSTD);
        }
    }

    @Test
    void noneOrAPeerWithoutZstdNeverCompress() {
        try (PieceCompressor none = new PieceCompressor(Compression.NONE, true, PIECE);
                PieceCompressor peerCannot = new PieceCompressor(Compression.ZSTD, false, PIECE)) {
            assertThat(none.encode(frameWith(text(PIECE)), PIECE).codec()).isEqualTo(DataCodec.NONE);
            assertThat(peerCannot.encode(frameWith(text(PIECE)), PIECE).codec()).isEqualTo(DataCodec.NONE);
        }
    }

    @Test
    void tinyPiecesTravelRaw() {
        try (PieceCompressor compressor = new PieceCompressor(Compression.ZSTD, true, PIECE)) {
            assertThat(compressor.encode(frameWith(text(10)), 10).codec()).isEqualTo(DataCodec.NONE);
        }
    }

    @Test
    void rawPiecesPassThroughTheDecoder() throws ProtocolException {
        ByteBuffer content = ByteBuffer.wrap(new byte[] {1, 2, 3}).asReadOnlyBuffer();
        try (PieceDecoder decoder = new PieceDecoder()) {
            assertThat(decoder.decode(new DataFrame(0, 0, DataCodec.NONE, 3, content)))
                    .isSameAs(content);
        }
    }

    @Test
    void zstdContentOfAnotherLengthOrCorruptIsAProtocolError() {
        byte[] raw = text(PIECE);
        try (PieceCompressor compressor = new PieceCompressor(Compression.ZSTD, true, PIECE);
                PieceDecoder decoder = new PieceDecoder()) {
            PieceCompressor.Encoded e = compressor.encode(frameWith(raw), raw.length);
            DataFrame claimsMore = asData(e, raw.length + 1);
            assertThatThrownBy(() -> decoder.decode(claimsMore))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("decompressed to " + raw.length + " bytes instead of " + (raw.length + 1));
            DataFrame claimsLess = asData(e, raw.length - 1);
            assertThatThrownBy(() -> decoder.decode(claimsLess)).hasMessageContaining("does not decompress");
            byte[] garbage = Arrays.copyOf(e.frame(), e.frame().length);
            Arrays.fill(garbage, DataFrame.CONTENT_OFFSET, DataFrame.CONTENT_OFFSET + 8, (byte) 0x55);
            DataFrame corrupt =
                    asData(new PieceCompressor.Encoded(garbage, DataCodec.ZSTD, e.contentLength()), raw.length);
            assertThatThrownBy(() -> decoder.decode(corrupt)).isInstanceOf(ProtocolException.class);
        }
    }
}
