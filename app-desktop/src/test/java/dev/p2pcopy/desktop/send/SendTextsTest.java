package dev.p2pcopy.desktop.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.format.TransferTexts;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Send screen's wording for each state, progress and size. */
class SendTextsTest {
    @Test
    void eachStateHasItsSentence() {
        TransferProgress p = TransferProgress.NONE;
        assertThat(SendTexts.status(TransferState.CONNECTING, false, p)).isEqualTo("Connecting to the relay…");
        assertThat(SendTexts.status(TransferState.CONNECTING, true, p))
                .as("a code means the relay opened the room")
                .isEqualTo("Waiting for the receiver…");
        assertThat(SendTexts.status(TransferState.WAITING_FOR_PEER, true, p)).isEqualTo("Waiting for the receiver…");
        assertThat(SendTexts.status(TransferState.HANDSHAKE, true, p)).isEqualTo("Securing the connection…");
        assertThat(SendTexts.status(TransferState.AWAITING_ACCEPT, true, p))
                .isEqualTo("Waiting for the receiver to accept…");
        assertThat(SendTexts.status(TransferState.TRANSFERRING, true, p)).isEqualTo("Sending…");
        assertThat(SendTexts.status(TransferState.RECONNECTING, true, p)).isEqualTo("Connection lost, reconnecting…");
        assertThat(SendTexts.status(TransferState.DONE, true, p)).isEqualTo("Sent");
        assertThat(SendTexts.status(TransferState.CANCELLED, true, p)).isEqualTo("Cancelled");
        assertThat(SendTexts.status(TransferState.FAILED, true, p)).isEqualTo("Failed");
    }

    @Test
    void progressShowsVerifiedBytesRateAndTimeLeft() {
        // The Send screen's figures line is the shared one.
        assertThat(TransferTexts.figures(TransferState.TRANSFERRING, TransferProgress.NONE, null))
                .isEmpty();
        assertThat(TransferTexts.figures(
                        TransferState.TRANSFERRING, new TransferProgress(40L << 20, 12L << 20, 0, 3, 1, "a"), null))
                .isEqualTo("12.0 MiB of 40.0 MiB verified · 1 of 3 files · 0 B/s");
        assertThat(TransferTexts.figures(
                        TransferState.TRANSFERRING,
                        new TransferProgress(40L << 20, 20L << 20, 10_485_760, 3, 1, "a"),
                        null))
                .isEqualTo("20.0 MiB of 40.0 MiB verified · 1 of 3 files · 10.5 MB/s · 2 s left");
    }

    @Test
    void sizesAndSummaries() {
        assertThat(SendTexts.rowSize(PathSize.counting(true))).isEqualTo("counting…");
        assertThat(SendTexts.rowSize(new PathSize(true, 2000, 5, false))).isEqualTo("counting… 2000 files so far");
        assertThat(SendTexts.rowSize(new PathSize(false, 1, 2048, true))).isEqualTo("2.0 KiB");
        assertThat(SendTexts.rowSize(new PathSize(true, 0, 0, true))).isEqualTo("Empty folder");
        assertThat(SendTexts.rowSize(new PathSize(true, 1, 10, true))).isEqualTo("Folder · 1 file · 10 B");

        SendEntry file = new SendEntry(Path.of("/a"), false);
        file.sizeProperty().set(new PathSize(false, 1, 100, true));
        SendEntry folder = new SendEntry(Path.of("/b"), true);
        assertThat(SendTexts.summary(List.of())).isEqualTo("Nothing chosen yet.");
        assertThat(SendTexts.summary(List.of(file))).isEqualTo("1 item · 1 file · 100 B");
        assertThat(SendTexts.summary(List.of(file, folder))).isEqualTo("2 items · counting… (1 file, 100 B so far)");
    }

    @Test
    void noticesAndResults() {
        assertThat(SendTexts.notice(List.of())).isEmpty();
        assertThat(SendTexts.notice(
                        List.of("“a” no longer exists, so it was not added.", "“b” is already in the list.")))
                .isEqualTo("“a” no longer exists, so it was not added (and 1 more item was not added).");
        assertThat(TransferTexts.done(
                        TransferProgress.NONE, new TransferResult(3, 12L << 20, Duration.ofMillis(4200), List.of())))
                .isEqualTo("3 files, 12.0 MiB in 4.2 s");
    }
}
