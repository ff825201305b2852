package dev.p2pcopy.protocol;

/**
 * Receives a transfer's state changes and progress. Called from the engine's threads: keep
 * the work short, and hop to the UI thread yourself. Progress arrives at most about ten
 * times a second.
 */
public interface TransferListener {

    /** A listener that ignores everything. */
    TransferListener NONE = new TransferListener() {};

    /** The transfer moved to {@code state}. */
    default void onStateChanged(TransferState state) {}

    /** New progress figures. */
    default void onProgress(TransferProgress progress) {}

    /**
     * Something the user should know that does not stop the transfer, in one sentence: e.g. a
     * symbolic link that was skipped when scanning.
     */
    default void onWarning(String message) {}

    /**
     * The peer's resource figures arrived (about every two seconds while paired, if the peer
     * has a {@link NodeStatsSource}).
     */
    default void onPeerStats(NodeStats stats) {}
}
