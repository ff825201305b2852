package dev.p2pcopy.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our hand-made masked frames must decode, byte for byte, with Netty's RFC 6455 server decoder. */
class MaskedFramesTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 125, 126, 127, 65_535, 65_536, 1024 * 1024 + 3})
    void aServerDecoderUnmasksTheExactPayload(int length) {
        byte[] payload = new byte[length + 5]; // longer array: only [0, length) is sent
        new Random(length).nextBytes(payload);
        EmbeddedChannel server = new EmbeddedChannel(new WebSocket08FrameDecoder(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(true)
                .maxFramePayloadLength(2 * 1024 * 1024)
                .build()));

        ByteBuf wire = MaskedFrames.binary(ByteBufAllocator.DEFAULT, payload, length);
        assertThat(wire.getByte(0)).isEqualTo((byte) 0x82);
        assertThat(wire.getByte(1) & 0x80).as("MASK bit").isEqualTo(0x80);
        server.writeInbound(wire);

        BinaryWebSocketFrame frame = server.readInbound();
        assertThat(frame).isNotNull();
        assertThat(frame.isFinalFragment()).isTrue();
        assertThat(ByteBufUtil.getBytes(frame.content())).isEqualTo(Arrays.copyOf(payload, length));
        frame.release();
        assertThat(server.finishAndReleaseAll()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x01020304, 0, -1})
    void everyMaskKeyRoundTrips(int key) {
        byte[] payload = "a payload of some thirty-odd bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuf wire = MaskedFrames.binary(ByteBufAllocator.DEFAULT, payload, payload.length, key);
        assertThat(wire.getInt(2)).isEqualTo(key);
        byte[] k = {(byte) (key >>> 24), (byte) (key >>> 16), (byte) (key >>> 8), (byte) key};
        for (int i = 0; i < payload.length; i++) {
            assertThat((byte) (wire.getByte(6 + i) ^ k[i & 3])).isEqualTo(payload[i]);
        }
        wire.release();
    }
}
