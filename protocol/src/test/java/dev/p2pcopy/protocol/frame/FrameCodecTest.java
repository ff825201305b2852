package dev.p2pcopy.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FrameCodecTest {

    @Test
    void encodesTheHeaderAndDecodesItBack() throws ProtocolException {
        byte[] payload = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] encoded = FrameCodec.encode(FrameType.ACK, 0x0102030405060708L, payload);

        assertThat(encoded).hasSize(FrameCodec.HEADER_BYTES + payload.length);
        ByteBuffer header = ByteBuffer.wrap(encoded);
        assertThat(header.get()).isEqualTo((byte) 0x06);
        assertThat(header.get()).isZero();
        assertThat(header.getLong()).isEqualTo(0x0102030405060708L);
        assertThat(header.getInt()).isEqualTo(payload.length);

        Frame frame = FrameCodec.decode(ByteBuffer.wrap(encoded));
        assertThat(frame.type()).isEqualTo(FrameType.ACK);
        assertThat(frame.flags()).isZero();
        assertThat(frame.sequence()).isEqualTo(0x0102030405060708L);
        assertThat(frame.payload().isReadOnly()).isTrue();
        byte[] back = new byte[frame.payload().remaining()];
        frame.payload().get(back);
        assertThat(back).isEqualTo(payload);
    }

    @Test
    void refusesToEncodeAPayloadOverTheTypesLimit() {
        byte[] tooBig = new byte[FrameType.ACK.maxPayload() + 1];
        assertThatThrownBy(() -> FrameCodec.encode(FrameType.ACK, 0, tooBig))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void rejectsAMessageShorterThanTheHeader() {
        assertThatThrownBy(() -> FrameCodec.decode(ByteBuffer.allocate(FrameCodec.HEADER_BYTES - 1)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("shorter than its header");
    }

    @Test
    void rejectsAnUnknownType() {
        byte[] frame = FrameCodec.encode(FrameType.DONE, 0, new byte[0]);
        frame[0] = (byte) 0x7f;
        assertThatThrownBy(() -> FrameCodec.decode(ByteBuffer.wrap(frame)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("Unknown frame type 0x7f");
    }

    @Test
    void rejectsFlagsThatV1DoesNotDefine() {
        byte[] frame = FrameCodec.encode(FrameType.DONE, 0, new byte[0]);
        frame[1] = 2;
        assertThatThrownBy(() -> FrameCodec.decode(ByteBuffer.wrap(frame)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("flags 0x2");
    }

    @Test
    void rejectsALengthOverTheTypesLimitBeforeLookingAtThePayload() {
        byte[] frame = new byte[FrameCodec.HEADER_BYTES];
        FrameCodec.writeHeader(frame, FrameType.HELLO, 0, 0, 0);
        ByteBuffer.wrap(frame, 10, 4).putInt(-1); // 4 GiB - 1 as unsigned
        assertThatThrownBy(() -> FrameCodec.decode(ByteBuffer.wrap(frame)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("4294967295 bytes exceeds the limit of 4096");
    }

    @Test
    void rejectsALengthThatDiffersFromThePayloadPresent() {
        byte[] frame = FrameCodec.encode(FrameType.DONE, 0, new byte[10]);
        ByteBuffer.wrap(frame, 10, 4).putInt(9);
        assertThatThrownBy(() -> FrameCodec.decode(ByteBuffer.wrap(frame)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("header says 9 payload bytes but the message carries 10");
    }

    @Test
    void decodesFromTheBuffersPositionWithoutMovingIt() throws ProtocolException {
        byte[] frame = FrameCodec.encode(FrameType.DONE, 3, new byte[] {7});
        ByteBuffer padded = ByteBuffer.allocate(frame.length + 5);
        padded.position(5);
        padded.put(frame);
        padded.position(5);

        Frame decoded = FrameCodec.decode(padded);

        assertThat(padded.position()).isEqualTo(5);
        assertThat(decoded.sequence()).isEqualTo(3);
        assertThat(decoded.payload().get(0)).isEqualTo((byte) 7);
    }

    @Test
    void typesAndCodecsMapToTheirWireCodes() {
        for (FrameType type : FrameType.values()) {
            assertThat(FrameType.fromCode(type.code())).isSameAs(type);
        }
        assertThat(FrameType.fromCode(0)).isNull();
        assertThat(FrameType.fromCode(0x1ff)).isNull();
        // 256 records of 64 KiB and one more for the 17-byte DATA header, each with a 16-byte tag.
        assertThat(FrameCodec.MAX_FRAME_BYTES).isEqualTo(14 + 17 + 16 * 1024 * 1024 + 257 * 16);
        for (DataCodec codec : DataCodec.values()) {
            assertThat(DataCodec.fromCode(codec.code())).isSameAs(codec);
        }
        assertThat(DataCodec.fromCode(9)).isNull();
    }
}
