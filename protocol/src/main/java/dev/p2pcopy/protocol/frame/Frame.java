package dev.p2pcopy.protocol.frame;

import java.nio.ByteBuffer;

/**
 * One decoded frame. The payload is a read-only view into the received message; copy it if
 * you keep it beyond the call that received it.
 *
 * @param type frame type
 * @param flags flag bits as they arrived ({@link FrameCodec#FLAG_SEALED})
 * @param sequence per-direction sequence number, starting at 0
 * @param payload the payload bytes
 */
public record Frame(FrameType type, int flags, long sequence, ByteBuffer payload) {
    /** Whether the payload travelled sealed; after {@link FrameReader} it is already opened. */
    public boolean sealed() {
        return (flags & FrameCodec.FLAG_SEALED) != 0;
    }
}
