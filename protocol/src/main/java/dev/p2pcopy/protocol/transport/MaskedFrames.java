package dev.p2pcopy.protocol.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Encodes a client-to-server WebSocket binary message (RFC 6455 section 5.2: FIN, opcode 2,
 * MASK set, a random 4-byte masking key) in one pass: the masked copy is the copy into the
 * socket buffer. Netty's encoder would copy first and mask in a second, slower pass, which was
 * the sender's largest CPU cost.
 */
final class MaskedFrames {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private MaskedFrames() {}

    /** The whole WebSocket frame carrying bytes {@code [0, length)} of {@code payload}. */
    static ByteBuf binary(ByteBufAllocator alloc, byte[] payload, int length) {
        return binary(alloc, payload, length, ThreadLocalRandom.current().nextInt());
    }

    static ByteBuf binary(ByteBufAllocator alloc, byte[] payload, int length, int maskKey) {
        int header = length < 126 ? 2 : length <= 0xffff ? 4 : 10;
        ByteBuf frame = alloc.directBuffer(header + 4 + length);
        frame.writeByte(0x82);
        if (length < 126) {
            frame.writeByte(0x80 | length);
        } else if (length <= 0xffff) {
            frame.writeByte(0x80 | 126).writeShort(length);
        } else {
            frame.writeByte(0x80 | 127).writeLong(length);
        }
        frame.writeInt(maskKey);
        int start = frame.writerIndex();
        ByteBuffer out = frame.internalNioBuffer(start, length).order(ByteOrder.LITTLE_ENDIAN);
        int base = out.position();
        byte[] key = {(byte) (maskKey >>> 24), (byte) (maskKey >>> 16), (byte) (maskKey >>> 8), (byte) maskKey};
        // Byte i of the payload is XORed with key[i % 4]; a long holds the key twice.
        long mask = (long) LONGS.get(new byte[] {key[0], key[1], key[2], key[3], key[0], key[1], key[2], key[3]}, 0);
        int i = 0;
        for (int end = length - 7; i < end; i += 8) {
            out.putLong(base + i, (long) LONGS.get(payload, i) ^ mask);
        }
        for (; i < length; i++) {
            out.put(base + i, (byte) (payload[i] ^ key[i & 3]));
        }
        frame.writerIndex(start + length);
        return frame;
    }
}
