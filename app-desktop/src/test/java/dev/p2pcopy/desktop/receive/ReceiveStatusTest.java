package dev.p2pcopy.desktop.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.receive.ReceiveModel.Phase;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiveStatusTest {

    @Test
    void eachStateHasItsWords() {
        TransferProgress p = new TransferProgress(40L << 20, 12L << 20, 2_000_000, 3, 1, "a.bin");
        assertThat(ReceiveStatus.text(TransferState.CONNECTING, p, "")).isEqualTo("Connecting to the relay…");
        assertThat(ReceiveStatus.text(TransferState.WAITING_FOR_PEER, p, "")).isEqualTo("Waiting for the sender…");
        assertThat(ReceiveStatus.text(TransferState.HANDSHAKE, p, "")).isEqualTo("Securing the connection…");
        assertThat(ReceiveStatus.text(TransferState.AWAITING_ACCEPT, p, "")).isEqualTo("Waiting for your answer…");
        assertThat(ReceiveStatus.text(TransferState.TRANSFERRING, p, "")).isEqualTo("Receiving…");
        TransferProgress all = new TransferProgress(40L << 20, 40L << 20, 0, 3, 3, "");
        assertThat(ReceiveStatus.text(TransferState.TRANSFERRING, all, "")).isEqualTo("Verifying…");
        assertThat(ReceiveStatus.text(TransferState.RECONNECTING, p, "")).isEqualTo("Connection lost, reconnecting…");
        assertThat(ReceiveStatus.text(TransferState.DONE, all, "")).isEqualTo("Received");
        assertThat(ReceiveStatus.text(TransferState.FAILED, p, "The relay went away."))
                .isEqualTo("The relay went away.");
        assertThat(ReceiveStatus.text(TransferState.FAILED, p, "")).isEqualTo("Failed");
        assertThat(ReceiveStatus.text(TransferState.CANCELLED, p, "")).isEqualTo("Cancelled");
    }

    @Test
    void phasesAndProgressFollowTheState() {
        assertThat(ReceiveStatus.phase(TransferState.HANDSHAKE)).isEqualTo(Phase.RUNNING);
        assertThat(ReceiveStatus.phase(TransferState.DONE)).isEqualTo(Phase.RECEIVED);
        assertThat(ReceiveStatus.phase(TransferState.CANCELLED)).isEqualTo(Phase.FAILED);
        assertThat(ReceiveStatus.showsProgress(TransferState.AWAITING_ACCEPT)).isFalse();
        assertThat(ReceiveStatus.showsProgress(TransferState.RECONNECTING)).isTrue();
    }

    @Test
    void figuresSayVerifiedBytesRateAndTimeLeft() {
        TransferProgress p = new TransferProgress(40L << 20, 12L << 20, 2_000_000, 3, 1, "a.bin");
        assertThat(ReceiveStatus.figures(TransferState.TRANSFERRING, p, null))
                .isEqualTo("12.0 MiB of 40.0 MiB verified · 1 of 3 files · 2.0 MB/s · 15 s left");
        assertThat(ReceiveStatus.figures(TransferState.RECONNECTING, p, null))
                .isEqualTo("12.0 MiB of 40.0 MiB verified · 1 of 3 files");
        TransferProgress noRate = new TransferProgress(40L << 20, 0, 0, 3, 0, "");
        assertThat(ReceiveStatus.figures(TransferState.TRANSFERRING, noRate, null))
                .isEqualTo("0 B of 40.0 MiB verified · 0 of 3 files · 0 B/s");
        assertThat(ReceiveStatus.figures(TransferState.CONNECTING, TransferProgress.NONE, null))
                .isEmpty();
        TransferResult done = new TransferResult(3, 40L << 20, Duration.ofMillis(2_100), List.of());
        assertThat(ReceiveStatus.figures(TransferState.DONE, p, done)).isEqualTo("3 files, 40.0 MiB in 2.1 s");
    }
}
