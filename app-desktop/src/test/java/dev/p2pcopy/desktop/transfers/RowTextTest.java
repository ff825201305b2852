package dev.p2pcopy.desktop.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowTextTest {
    private static final long MIB = 1024 * 1024;
    private static final TransferProgress HALF =
            new TransferProgress(200 * MIB, 100 * MIB, 50_000_000, 3, 1, "photos/b.jpg", 10 * MIB, 40 * MIB);
    private static final TransferProgress ALL = new TransferProgress(200 * MIB, 200 * MIB, 50_000_000, 3, 3, "", 0, 0);

    @Test
    void everyStateHasWordsThatFitTheSide() {
        assertThat(RowText.state(Direction.SEND, TransferState.CONNECTING, TransferProgress.NONE))
                .isEqualTo("Connecting to the relay…");
        assertThat(RowText.state(Direction.SEND, TransferState.WAITING_FOR_PEER, TransferProgress.NONE))
                .isEqualTo("Waiting for the receiver…");
        assertThat(RowText.state(Direction.RECEIVE, TransferState.WAITING_FOR_PEER, TransferProgress.NONE))
                .isEqualTo("Waiting for the sender…");
        assertThat(RowText.state(Direction.RECEIVE, TransferState.HANDSHAKE, TransferProgress.NONE))
                .isEqualTo("Securing the connection…");
        assertThat(RowText.state(Direction.SEND, TransferState.AWAITING_ACCEPT, HALF))
                .isEqualTo("Waiting for the receiver to accept…");
        assertThat(RowText.state(Direction.RECEIVE, TransferState.AWAITING_ACCEPT, HALF))
                .isEqualTo("Waiting for your answer…");
        assertThat(RowText.state(Direction.SEND, TransferState.TRANSFERRING, HALF))
                .isEqualTo("Sending…");
        assertThat(RowText.state(Direction.RECEIVE, TransferState.TRANSFERRING, HALF))
                .isEqualTo("Receiving…");
        assertThat(RowText.state(Direction.SEND, TransferState.RECONNECTING, HALF))
                .isEqualTo("Connection lost, reconnecting…");
        assertThat(RowText.state(Direction.SEND, TransferState.DONE, ALL)).isEqualTo("Sent");
        assertThat(RowText.state(Direction.RECEIVE, TransferState.DONE, ALL)).isEqualTo("Received");
        assertThat(RowText.state(Direction.SEND, TransferState.FAILED, HALF)).isEqualTo("Failed");
        assertThat(RowText.state(Direction.SEND, TransferState.CANCELLED, HALF)).isEqualTo("Cancelled");
    }

    @Test
    void allBytesVerifiedButNotEndedIsVerifying() {
        assertThat(RowText.state(Direction.RECEIVE, TransferState.TRANSFERRING, ALL))
                .isEqualTo("Verifying…");
        assertThat(RowText.state(Direction.RECEIVE, TransferState.TRANSFERRING, TransferProgress.NONE))
                .as("nothing known yet is not all verified")
                .isEqualTo("Receiving…");
    }

    @Test
    void runningFiguresTellVerifiedBytesRateAndTimeLeft() {
        assertThat(RowText.figures(TransferState.TRANSFERRING, HALF, null))
                .isEqualTo("100 MiB of 200 MiB verified · 1 of 3 files · 50.0 MB/s · 2 s left");
        assertThat(RowText.figures(TransferState.RECONNECTING, HALF, null))
                .isEqualTo("100 MiB of 200 MiB verified · 1 of 3 files");
        assertThat(RowText.figures(TransferState.TRANSFERRING, ALL, null))
                .isEqualTo("200 MiB of 200 MiB verified · 3 of 3 files");
        TransferProgress noRate = new TransferProgress(10 * MIB, MIB, 0, 1, 0, "a");
        assertThat(RowText.figures(TransferState.TRANSFERRING, noRate, null))
                .isEqualTo("1.0 MiB of 10.0 MiB verified · 0 B/s");
    }

    @Test
    void beforeAndAfterTheFiguresSayWhatIsKnown() {
        assertThat(RowText.figures(TransferState.WAITING_FOR_PEER, TransferProgress.NONE, null))
                .isEmpty();
        assertThat(RowText.figures(TransferState.AWAITING_ACCEPT, HALF, null)).isEqualTo("3 files, 200 MiB");
        TransferResult result = new TransferResult(3, 20 * MIB, Duration.ofMillis(4100), List.of(Path.of("x")));
        assertThat(RowText.figures(TransferState.DONE, ALL, result)).isEqualTo("3 files, 200 MiB in 4.1 s");
        assertThat(RowText.figures(TransferState.DONE, ALL, null)).isEmpty();
        assertThat(RowText.figures(TransferState.FAILED, HALF, null))
                .isEqualTo("100 MiB of 200 MiB verified before it stopped");
        assertThat(RowText.figures(TransferState.CANCELLED, TransferProgress.NONE, null))
                .isEmpty();
    }

    @Test
    void theFileInFlightAndTheBar() {
        assertThat(RowText.currentFile(HALF)).isEqualTo("photos/b.jpg · 10.0 MiB of 40.0 MiB");
        assertThat(RowText.currentFile(ALL)).isEmpty();
        assertThat(RowText.fraction(TransferState.TRANSFERRING, HALF)).isEqualTo(0.5);
        assertThat(RowText.fraction(TransferState.DONE, TransferProgress.NONE)).isEqualTo(1.0);
        assertThat(RowText.fraction(TransferState.WAITING_FOR_PEER, TransferProgress.NONE))
                .isEqualTo(0.0);
    }
}
