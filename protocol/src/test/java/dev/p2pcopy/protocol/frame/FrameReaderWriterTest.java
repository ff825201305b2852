package dev.p2pcopy.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.crypto.FrameCipher;
import java.nio.ByteBuffer;
import java.util.Arrays;
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
            Frame frame = reader.read(ByteBuffer.wrap(writer.control(FrameType.HELLO, new byte[] {(byte) i})));
            assertThat(frame.sequence()).isEqualTo(i);
        }
    }

    @Test
    void aLostFrameIsNoticed() throws ProtocolException {
        FrameWriter writer = new FrameWriter();
        FrameReader reader = new FrameReader();
        reader.read(ByteBuffer.wrap(writer.control(FrameType.HELLO, new byte[0])));
        writer.control(FrameType.HELLO, new byte[0]); // lost in flight
        byte[] third = writer.control(FrameType.HELLO, new byte[0]);

        assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(third)))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("Frame 2 arrived where frame 1 was expected")
                .hasMessageContaining("dropped");
    }

    @Test
    void aRepeatedFrameIsNoticed() throws ProtocolException {
        FrameWriter writer = new FrameWriter();
        FrameReader reader = new FrameReader();
        byte[] first = writer.control(FrameType.HELLO, new byte[0]);
        reader.read(ByteBuffer.wrap(first));

        assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(first)))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("Frame 0 arrived again or late where frame 1 was expected")
                .hasMessageContaining("replayed");
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

        EncodedFrame encoded = writer.finishData(frame, 7, 1L << 40, DataCodec.NONE, 4, 4);

        assertThat(encoded.bytes()).isSameAs(frame);
        assertThat(encoded.length()).isEqualTo(DataFrame.CONTENT_OFFSET + 4);
        Frame decoded = FrameCodec.decode(ByteBuffer.wrap(frame, 0, encoded.length()));
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

    @Test
    void sealedFramesOpenOnlyWithTheKeyAndHideTheirPayload() throws ProtocolException {
        FrameWriter writer = new FrameWriter();
        FrameReader reader = new FrameReader();
        reader.read(ByteBuffer.wrap(writer.control(FrameType.HELLO, new byte[0])));
        writer.startSealing(new FrameCipher(key(27)), true);
        reader.startOpening(new FrameCipher(key(27)), false);

        byte[] sealed = writer.control(FrameType.DONE, "secret words".getBytes());
        assertThat(sealed[1]).isEqualTo((byte) FrameCodec.FLAG_SEALED);
        assertThat(new String(sealed)).doesNotContain("secret");
        Frame frame = reader.read(ByteBuffer.wrap(sealed));

        assertThat(frame.sealed()).isTrue();
        assertThat(frame.type()).isEqualTo(FrameType.DONE);
        byte[] payload = new byte[frame.payload().remaining()];
        frame.payload().get(payload);
        assertThat(new String(payload)).isEqualTo("secret words");
    }

    @Test
    void sealedDataRoundTripsAndLeavesTheInputBufferReusable() throws ProtocolException {
        FrameWriter writer = new FrameWriter();
        FrameReader reader = new FrameReader();
        writer.startSealing(new FrameCipher(key(28)), true);
        reader.startOpening(new FrameCipher(key(28)), false);
        byte[] frame = FrameWriter.newDataFrame(40_000);
        Arrays.fill(frame, DataFrame.CONTENT_OFFSET, frame.length, (byte) 'x');

        EncodedFrame encoded = writer.finishData(frame, 2, 5, DataCodec.NONE, 40_000, 40_000);
        Arrays.fill(frame, (byte) 0);

        assertThat(encoded.bytes()).isNotSameAs(frame);
        DataFrame data = DataFrame.parse(reader.read(ByteBuffer.wrap(encoded.bytes(), 0, encoded.length())));
        assertThat(data.fileIndex()).isEqualTo(2);
        assertThat(data.offset()).isEqualTo(5);
        assertThat(data.content().remaining()).isEqualTo(40_000);
        assertThat(data.content().get(39_999)).isEqualTo((byte) 'x');
    }

    @Test
    void clearDataIsAcceptedOnlyWhenThePeerAnnouncedIt() throws ProtocolException {
        for (boolean announced : new boolean[] {true, false}) {
            FrameWriter writer = new FrameWriter();
            FrameReader reader = new FrameReader();
            writer.startSealing(new FrameCipher(key(29)), false);
            reader.startOpening(new FrameCipher(key(29)), announced);
            byte[] frame = FrameWriter.newDataFrame(4);
            EncodedFrame clear = writer.finishData(frame, 0, 0, DataCodec.NONE, 4, 4);
            assertThat(clear.bytes()[1]).isZero();
            ByteBuffer message = ByteBuffer.wrap(clear.bytes(), 0, clear.length());
            if (announced) {
                assertThat(reader.read(message).sealed()).isFalse();
            } else {
                assertThatThrownBy(() -> reader.read(message))
                        .isInstanceOf(IntegrityException.class)
                        .hasMessageContaining("unsealed DATA frame");
            }
        }
    }

    @Test
    void controlFramesMustBeSealedOnceKeysExist() throws ProtocolException {
        FrameWriter clearWriter = new FrameWriter();
        FrameReader reader = new FrameReader();
        reader.startOpening(new FrameCipher(key(30)), true);

        assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(clearWriter.control(FrameType.MANIFEST, new byte[2]))))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("unsealed MANIFEST");
        FrameReader fresh = new FrameReader();
        assertThatThrownBy(() -> fresh.read(ByteBuffer.wrap(new FrameWriter().control(FrameType.DONE, new byte[2]))))
                .isNotInstanceOf(IntegrityException.class)
                .hasMessageContaining("before the connection was secured");
    }

    @Test
    void afterTheFirstSealedFrameEvenHandshakeFramesMustBeSealed() throws ProtocolException {
        FrameWriter writer = new FrameWriter();
        FrameReader reader = new FrameReader();
        writer.startSealing(new FrameCipher(key(31)), true);
        reader.startOpening(new FrameCipher(key(31)), false);
        reader.read(ByteBuffer.wrap(writer.control(FrameType.DONE, new byte[0])));
        byte[] injected = FrameCodec.encode(FrameType.ERROR, 1, "{}".getBytes());

        assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(injected)))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("unsealed ERROR");
    }

    @Test
    void aTamperedOrForeignSealedFrameFailsAuthentication() throws ProtocolException {
        FrameWriter writer = new FrameWriter();
        writer.startSealing(new FrameCipher(key(32)), true);
        byte[] sealed = writer.control(FrameType.DONE, new byte[20]);
        byte[] flipped = sealed.clone();
        flipped[FrameCodec.HEADER_BYTES + 3] ^= 1;

        FrameReader reader = new FrameReader();
        reader.startOpening(new FrameCipher(key(32)), false);
        assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(flipped)))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("failed authentication");
        FrameReader other = new FrameReader();
        other.startOpening(new FrameCipher(key(82)), false);
        assertThatThrownBy(() -> other.read(ByteBuffer.wrap(sealed))).isInstanceOf(IntegrityException.class);
        FrameReader early = new FrameReader();
        assertThatThrownBy(() -> early.read(ByteBuffer.wrap(sealed)))
                .isNotInstanceOf(IntegrityException.class)
                .hasMessageContaining("before the keys were agreed");
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }
}
