package dev.p2pcopy.protocol.frame;

import java.nio.ByteBuffer;

/**
 * Decodes the frames of one direction and checks that their sequence numbers arrive without
 * gaps, repeats or reordering. Not thread-safe; one reader per connection.
 */
public final class FrameReader {
    private long expectedSequence;

    /**
     * Decodes the next message.
     *
     * @throws ProtocolException on a malformed frame or a sequence number out of order
     */
    public Frame read(ByteBuffer message) throws ProtocolException {
        Frame frame = FrameCodec.decode(message);
        if (frame.sequence() != expectedSequence) {
            throw new ProtocolException("Frame " + frame.sequence() + " arrived where frame " + expectedSequence
                    + " was expected: frames were lost, repeated or reordered.");
        }
        expectedSequence++;
        return frame;
    }
}
