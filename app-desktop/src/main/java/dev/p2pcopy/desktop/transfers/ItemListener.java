package dev.p2pcopy.desktop.transfers;

import dev.p2pcopy.desktop.fx.FxThrottle;
import dev.p2pcopy.protocol.NodeStats;
import dev.p2pcopy.protocol.TransferListener;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferState;
import java.time.Duration;
import javafx.application.Platform;

/**
 * Carries the engine's callbacks (on its threads) to a {@link TransferItem} on the FX thread:
 * states in order, progress and peer figures throttled to at most ten updates a second.
 */
final class ItemListener implements TransferListener {
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(100);
    private static final Duration STATS_INTERVAL = Duration.ofMillis(500);

    private final TransferItem item;
    private final FxThrottle<TransferProgress> progress;
    private final FxThrottle<NodeStats> peerStats;

    ItemListener(TransferItem item) {
        this.item = item;
        this.progress = new FxThrottle<>(PROGRESS_INTERVAL, item.progressProperty()::set);
        this.peerStats = new FxThrottle<>(STATS_INTERVAL, item.peerStatsProperty()::set);
    }

    @Override
    public void onStateChanged(TransferState state) {
        if (!state.isTerminal()) { // the end arrives through the result, with its reason
            Platform.runLater(() -> {
                if (!item.stateProperty().get().isTerminal()) {
                    item.stateProperty().set(state);
                }
            });
        }
    }

    @Override
    public void onProgress(TransferProgress value) {
        progress.submit(value);
    }

    @Override
    public void onWarning(String message) {
        Platform.runLater(() -> item.warningProperty().set(message));
    }

    @Override
    public void onPeerStats(NodeStats stats) {
        peerStats.submit(stats);
    }
}
