package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.TransferException;

/**
 * Thrown on the session thread when the connection of the current pairing is lost: the relay
 * connection broke or the peer's did. Not a verdict on the transfer: the session reconnects if
 * its policy and phase allow, and only otherwise does {@link #cause()}'s failure stand.
 */
final class ConnectionLost extends TransferException {
    private final transient TransferException failure;
    private final boolean connectionGone;

    /**
     * @param failure what a person is told if the connection cannot be restored
     * @param connectionGone true if our own relay connection ended; false if only the peer left
     *     (the relay keeps us in the room, waiting for it)
     */
    ConnectionLost(TransferException failure, boolean connectionGone) {
        super(failure.reason(), failure.getMessage(), failure);
        this.failure = failure;
        this.connectionGone = connectionGone;
    }

    /** The failure that stands if reconnecting is not possible. */
    TransferException failure() {
        return failure;
    }

    /** Whether our own relay connection ended (else only the peer's did). */
    boolean connectionGone() {
        return connectionGone;
    }
}
