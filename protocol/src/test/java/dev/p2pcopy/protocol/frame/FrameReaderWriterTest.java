package dev.p2pcopy.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FrameReaderWriterTest {

    @Test
    void framesWrittenInOrderAreReadInOrder() throws ProtocolException {
        FrameWriter writer = new FrameWriter();
        FrameReader reader = new FrameReader();
        for (int i = 0; i < 3; i++) {
            assertThat(writer.nextSequence()).isEqualTo(i);
            Frame frame = reader.read(ByteBuffer.wrap(writer.control(FrameType.DONE, new byte[] {(byte) i})));
            assertThat(frame.sequence()).isEqualTo(i);
        }
    }

    @Test
    void aLostFrameIsNoticed() throws ProtocolException {
        FrameWriter writer = new FrameWriter();
        FrameReader reader = new FrameReader();
        reader.read(ByteBuffer.wrap(writer.control(FrameType.DONE, new byte[0])));
        writer.control(FrameType.DONE, new byte[0]); // lost in flight
        byte[] third = writer.control(FrameType.DONE, new byte[0]);

        assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(third)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Frame 2 arrived where frame 1 was expected");
    }

    @Test
    void aRepeatedFrameIsNoticed() throws ProtocolException {
        FrameWriter writer = new FrameWriter();
        FrameReader reader = new FrameReader();
        byte[] first = writer.control(FrameType.DONE, new byte[0]);
        reader.read(ByteBuffer.wrap(first));

        assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(first)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Frame 0 arrived where frame 1 was expected");
    }

    @Test
    void controlRefusesData() {
        assertThatThrownBy(() -> new FrameWriter().control(FrameType.DATA, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataFramesAreBuiltInPlaceAndParseBack() throws ProtocolException {
        FrameWriter writer = new FrameWriter();
        writer.control(FrameType.HELLO, new byte[0]);
        byte[] frame = FrameWriter.newDataFrame(10);
        assertThat(frame).hasSize(DataFrame.CONTENT_OFFSET + 10);
        for (int i = 0; i < 4; i++) {
            frame[DataFrame.CONTENT_OFFSET + i] = (byte) (i + 1);
        }

        int length = writer.finishData(frame, 7, 1L << 40, DataCodec.NONE, 4, 4);

        assertThat(length).isEqualTo(DataFrame.CONTENT_OFFSET + 4);
        Frame decoded = FrameCodec.decode(ByteBuffer.wrap(frame, 0, length));
        assertThat(decoded.sequence()).isEqualTo(1);
        DataFrame data = DataFrame.parse(decoded);
        assertThat(data.fileIndex()).isEqualTo(7);
        assertThat(data.offset()).isEqualTo(1L << 40);
        assertThat(data.codec()).isEqualTo(DataCodec.NONE);
        assertThat(data.rawLength()).isEqualTo(4);
        assertThat(data.content().remaining()).isEqualTo(4);
        assertThat(data.content().get(3)).isEqualTo((byte) 4);
    }

    @Test
    void newDataFrameRefusesCapacitiesOutOfRange() {
        assertThatThrownBy(() -> FrameWriter.newDataFrame(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameWriter.newDataFrame(DataFrame.MAX_DATA_BYTES + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FrameWriter.newDataFrame(0)).hasSize(DataFrame.CONTENT_OFFSET);
    }
}
