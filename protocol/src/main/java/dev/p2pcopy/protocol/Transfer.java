package dev.p2pcopy.protocol;

import java.util.concurrent.CompletableFuture;

/** A running send or receive, as returned by {@link P2pCopy}. */
public interface Transfer {

    /**
     * The code to give to the other side. On the sender it completes once the relay has
     * accepted the room (a generated code whose nameplate is busy is replaced first); on the
     * receiver it completes at once with the normalised code. Fails like {@link #result()} if
     * the relay cannot be joined.
     */
    CompletableFuture<String> code();

    /** Completes when the transfer ends; fails with a {@link TransferException}. */
    CompletableFuture<TransferResult> result();

    /** The latest state. */
    TransferState state();

    /** The latest progress snapshot. */
    TransferProgress progress();

    /**
     * Stops the transfer, tells the peer, and fails {@link #result()} with {@link
     * FailureReason#CANCELLED}. Does nothing once the transfer has ended.
     */
    void cancel();
}
