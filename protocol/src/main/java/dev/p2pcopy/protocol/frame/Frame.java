package dev.p2pcopy.protocol.frame;

import java.nio.ByteBuffer;

/**
 * One decoded frame. The payload is a read-only view into the received message; copy it if
 * you keep it beyond the call that received it.
 *
 * @param type frame type
 * @param flags flag bits (none are defined in v1 without encryption; must be 0)
 * @param sequence per-direction sequence number, starting at 0
 * @param payload the payload bytes
 */
public record Frame(FrameType type, int flags, long sequence, ByteBuffer payload) {}
