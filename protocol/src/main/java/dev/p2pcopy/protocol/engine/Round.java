package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.frame.Frame;
import dev.p2pcopy.protocol.frame.FrameCodec;
import dev.p2pcopy.protocol.frame.FrameReader;
import dev.p2pcopy.protocol.frame.FrameType;
import dev.p2pcopy.protocol.frame.FrameWriter;
import dev.p2pcopy.protocol.frame.ProtocolException;
import dev.p2pcopy.protocol.message.ControlCodec;
import dev.p2pcopy.protocol.message.Hello;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One pairing of the two sides in the relay's room: the first, and one more after each
 * reconnection. Each has its own framing state (sequence numbers start again, new keys after
 * a new PAKE) and its own flow-control account.
 *
 * <p>A peer that did not notice its partner leave may still send frames of the previous
 * pairing, which the relay then forwards to the new partner. Everything before the peer's
 * HELLO for this pairing's number is therefore dropped: before that HELLO nothing is trusted
 * or needed, and after it the peer's stream belongs to this pairing.
 */
final class Round {
    final long pairing;
    final FrameReader reader = new FrameReader();
    final FrameWriter writer = new FrameWriter();
    /** Credit the receiver granted in this pairing, and DATA bytes it received against it. */
    final AtomicLong granted = new AtomicLong();

    final AtomicLong received = new AtomicLong();
    private boolean helloSeen;

    Round(long pairing) {
        this.pairing = pairing;
    }

    /**
     * Decodes the next message of this pairing, or returns null for a leftover of an earlier one.
     * On the connection's I/O thread only.
     */
    Frame read(ByteBuffer message) throws ProtocolException {
        if (!helloSeen) {
            if (!isOurHello(message)) {
                return null;
            }
            helloSeen = true;
        }
        return reader.read(message);
    }

    private boolean isOurHello(ByteBuffer message) {
        try {
            Frame frame = FrameCodec.decode(message.duplicate());
            return frame.type() == FrameType.HELLO
                    && !frame.sealed()
                    && ControlCodec.decode(frame, Hello.class).pairing() == pairing;
        } catch (ProtocolException e) {
            return false;
        }
    }
}
