package dev.p2pcopy.protocol.frame;

/**
 * A frame ready for the wire: bytes {@code [0, length)} of {@code bytes}.
 *
 * @param bytes the buffer holding the frame
 * @param length the frame's length
 */
public record EncodedFrame(byte[] bytes, int length) {}
