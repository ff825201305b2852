package dev.p2pcopy.desktop.send;

/** Where the Send screen is: choosing what to send, then following the transfer it started. */
public enum SendPhase {
    /** The drop zone and the list of what will be sent. */
    CHOOSING,
    /** The code is being fetched or shown; the receiver has not started receiving yet. */
    WAITING,
    /** Files are flowing (or the connection is being restored). */
    TRANSFERRING,
    /** The transfer has ended: sent, cancelled or failed. */
    ENDED
}
