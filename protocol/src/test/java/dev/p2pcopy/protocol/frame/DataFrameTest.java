package dev.p2pcopy.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DataFrameTest {

    private static Frame data(int fileIndex, long offset, int codec, int rawLength, int contentLength) {
        ByteBuffer payload = ByteBuffer.allocate(DataFrame.HEADER_BYTES + contentLength);
        payload.putInt(fileIndex).putLong(offset).put((byte) codec).putInt(rawLength);
        payload.position(0);
        return new Frame(FrameType.DATA, 0, 0, payload);
    }

    @Test
    void parsesAZstdPieceWhoseContentIsShorterThanItsRawLength() throws ProtocolException {
        DataFrame piece = DataFrame.parse(data(2, 100, 1, 1000, 10));
        assertThat(piece.codec()).isEqualTo(DataCodec.ZSTD);
        assertThat(piece.rawLength()).isEqualTo(1000);
        assertThat(piece.content().remaining()).isEqualTo(10);
        assertThat(piece.content().isReadOnly()).isTrue();
    }

    @Test
    void rejectsOtherFrameTypes() {
        Frame done = new Frame(FrameType.DONE, 0, 0, ByteBuffer.allocate(0));
        assertThatThrownBy(() -> DataFrame.parse(done)).hasMessageContaining("Expected a DATA frame, got DONE");
    }

    @Test
    void rejectsAPayloadShorterThanTheDataHeader() {
        Frame shortOne = new Frame(FrameType.DATA, 0, 0, ByteBuffer.allocate(DataFrame.HEADER_BYTES - 1));
        assertThatThrownBy(() -> DataFrame.parse(shortOne)).hasMessageContaining("shorter than its header");
    }

    @Test
    void rejectsFieldsOutOfBounds() {
        assertThatThrownBy(() -> DataFrame.parse(data(-1, 0, 0, 0, 0)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("file index 4294967295");
        assertThatThrownBy(() -> DataFrame.parse(data(0, -5, 0, 0, 0))).hasMessageContaining("negative offset");
        assertThatThrownBy(() -> DataFrame.parse(data(0, 0, 9, 0, 0))).hasMessageContaining("unknown codec 9");
        assertThatThrownBy(() -> DataFrame.parse(data(0, 0, 1, DataFrame.MAX_DATA_BYTES + 1, 1)))
                .hasMessageContaining("out of bounds");
        assertThatThrownBy(() -> DataFrame.parse(data(0, 0, 1, -1, 1))).hasMessageContaining("out of bounds");
    }

    @Test
    void rejectsRawContentOfTheWrongLength() {
        assertThatThrownBy(() -> DataFrame.parse(data(0, 0, 0, 5, 4)))
                .hasMessageContaining("declares 5 bytes but carries 4");
    }
}
