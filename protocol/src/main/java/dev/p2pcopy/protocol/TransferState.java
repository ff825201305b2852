package dev.p2pcopy.protocol;

/** Where a transfer is in its life; reported to {@link TransferListener#onStateChanged}. */
public enum TransferState {
    /** Opening the connection to the relay. */
    CONNECTING,
    /** Joined the relay's room; waiting for the other side to join with the same code. */
    WAITING_FOR_PEER,
    /** Paired; exchanging HELLO and running the PAKE that secures the connection. */
    HANDSHAKE,
    /** The manifest is with the receiver, which has not accepted or declined yet. */
    AWAITING_ACCEPT,
    /** File data is flowing. */
    TRANSFERRING,
    /**
     * The connection was lost mid-transfer; reconnecting by itself, then continuing from the
     * verified bytes (see {@link ReconnectPolicy}).
     */
    RECONNECTING,
    /** Every byte was written, verified and committed. */
    DONE,
    /** Ended with an error; the result future holds a {@link TransferException}. */
    FAILED,
    /** Ended by {@link Transfer#cancel()}. */
    CANCELLED;

    /** Whether the transfer has ended, for good or bad. */
    public boolean isTerminal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
