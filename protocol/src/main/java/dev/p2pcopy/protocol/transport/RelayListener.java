package dev.p2pcopy.protocol.transport;

import dev.p2pcopy.protocol.TransferException;
import java.nio.ByteBuffer;

/**
 * What a {@link RelayConnection} reports once joined. Called on the connection's I/O thread, one call
 * at a time and in arrival order: keep the work short.
 */
public interface RelayListener {

    /**
     * The relay paired this peer with the other role; binary frames now flow.
     *
     * @param pairing the room's pairing number: 1 at first, higher each time a peer came back
     */
    void onPaired(long pairing);

    /**
     * One binary message from the peer: a read-only view of a frame, not yet decoded. The
     * buffer stays valid after the call.
     */
    void onFrame(ByteBuffer frame);

    /** The paired peer dropped; the relay keeps this side waiting for a grace period. */
    void onPeerLeft();

    /**
     * The connection ended without this side closing it: the relay closed it, or it broke.
     *
     * @param failure what happened, as a person would be told
     */
    void onClosed(TransferException failure);
}
