package dev.p2pcopy.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.transfers.Direction;
import dev.p2pcopy.desktop.transfers.TransferItem;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTitleTest {
    @Test
    void showsTheOverallPercentageOfRunningTransfersOnly() {
        TransferItem running = item(TransferState.TRANSFERRING, 1000, 250);
        TransferItem other = item(TransferState.TRANSFERRING, 3000, 1750);
        TransferItem done = item(TransferState.DONE, 5000, 5000);
        assertThat(MainWindow.WindowTitle.of(List.of())).isEqualTo("p2p-copy");
        assertThat(MainWindow.WindowTitle.of(List.of(done))).isEqualTo("p2p-copy");
        assertThat(MainWindow.WindowTitle.of(List.of(running, done))).isEqualTo("25 % · p2p-copy");
        assertThat(MainWindow.WindowTitle.of(List.of(running, other))).isEqualTo("50 % · 2 transfers · p2p-copy");
        assertThat(MainWindow.WindowTitle.of(List.of(item(TransferState.WAITING_FOR_PEER, 0, 0))))
                .isEqualTo("… · p2p-copy");
    }

    private static TransferItem item(TransferState state, long total, long verified) {
        TransferItem item = new TransferItem(Direction.SEND, List.of(Path.of("a")), Path.of("."));
        item.stateProperty().set(state);
        item.progressProperty().set(new TransferProgress(total, verified, 0, 1, 0, "a"));
        return item;
    }
}
