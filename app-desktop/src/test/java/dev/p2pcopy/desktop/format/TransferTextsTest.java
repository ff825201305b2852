package dev.p2pcopy.desktop.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.transfers.Direction;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one wording of a transfer's state, figures and result. */
class TransferTextsTest {
    private static final long MIB = 1024 * 1024;
    private static final TransferProgress HALF =
            new TransferProgress(200 * MIB, 100 * MIB, 50_000_000, 3, 1, "photos/b.jpg", 10 * MIB, 40 * MIB);
    private static final TransferProgress ALL = new TransferProgress(200 * MIB, 200 * MIB, 50_000_000, 3, 3, "", 0, 0);
    private static final TransferResult RESULT =
            new TransferResult(3, 200 * MIB, Duration.ofMillis(4100), List.of(Path.of("x")));

    @Test
    void everyStateHasWordsForTheSendingSide() {
        Map<TransferState, String> expected = new EnumMap<>(TransferState.class);
        expected.put(TransferState.CONNECTING, "Connecting to the relay…");
        expected.put(TransferState.WAITING_FOR_PEER, "Waiting for the receiver…");
        expected.put(TransferState.HANDSHAKE, "Securing the connection…");
        expected.put(TransferState.AWAITING_ACCEPT, "Waiting for the receiver to accept…");
        expected.put(TransferState.TRANSFERRING, "Sending…");
        expected.put(TransferState.RECONNECTING, "Connection lost, reconnecting…");
        expected.put(TransferState.DONE, "Sent");
        expected.put(TransferState.FAILED, "Failed");
        expected.put(TransferState.CANCELLED, "Cancelled");
        assertThat(expected).as("every state is checked").hasSize(TransferState.values().length);
        expected.forEach((state, words) -> assertThat(TransferTexts.state(Direction.SEND, state, HALF))
                .as(state.name())
                .isEqualTo(words));
    }

    @Test
    void everyStateHasWordsForTheReceivingSide() {
        Map<TransferState, String> expected = new EnumMap<>(TransferState.class);
        expected.put(TransferState.CONNECTING, "Connecting to the relay…");
        expected.put(TransferState.WAITING_FOR_PEER, "Waiting for the sender…");
        expected.put(TransferState.HANDSHAKE, "Securing the connection…");
        expected.put(TransferState.AWAITING_ACCEPT, "Waiting for your answer…");
        expected.put(TransferState.TRANSFERRING, "Receiving…");
        expected.put(TransferState.RECONNECTING, "Connection lost, reconnecting…");
        expected.put(TransferState.DONE, "Received");
        expected.put(TransferState.FAILED, "Failed");
        expected.put(TransferState.CANCELLED, "Cancelled");
        assertThat(expected).as("every state is checked").hasSize(TransferState.values().length);
        expected.forEach((state, words) -> assertThat(TransferTexts.state(Direction.RECEIVE, state, HALF))
                .as(state.name())
                .isEqualTo(words));
    }

    @Test
    void allBytesVerifiedButNotEndedIsVerifyingOnBothSides() {
        assertThat(TransferTexts.state(Direction.RECEIVE, TransferState.TRANSFERRING, ALL))
                .isEqualTo("Verifying…");
        assertThat(TransferTexts.state(Direction.SEND, TransferState.TRANSFERRING, ALL))
                .isEqualTo("Verifying…");
        assertThat(TransferTexts.state(Direction.RECEIVE, TransferState.TRANSFERRING, TransferProgress.NONE))
                .as("an unknown total is not all verified")
                .isEqualTo("Receiving…");
        assertThat(TransferTexts.state(Direction.SEND, TransferState.TRANSFERRING, TransferProgress.NONE))
                .as("an unknown total is not all verified")
                .isEqualTo("Sending…");
    }

    @Test
    void runningFiguresTellVerifiedBytesFilesRateAndTimeLeft() {
        assertThat(TransferTexts.figures(TransferState.TRANSFERRING, HALF, null))
                .isEqualTo("100 MiB of 200 MiB verified · 1 of 3 files · 50.0 MB/s · 2 s left");
        assertThat(TransferTexts.figures(TransferState.RECONNECTING, HALF, null))
                .as("no rate while the connection is down")
                .isEqualTo("100 MiB of 200 MiB verified · 1 of 3 files");
        assertThat(TransferTexts.figures(TransferState.TRANSFERRING, ALL, null))
                .as("nothing left to move while the last checks run")
                .isEqualTo("200 MiB of 200 MiB verified · 3 of 3 files");
        TransferProgress oneFile = new TransferProgress(40 * MIB, 20 * MIB, 10_485_760, 1, 0, "a");
        assertThat(TransferTexts.figures(TransferState.TRANSFERRING, oneFile, null))
                .as("no file count for a single file")
                .isEqualTo("20.0 MiB of 40.0 MiB verified · 10.5 MB/s · 2 s left");
    }

    @Test
    void aZeroRateIsShownWithoutATimeLeft() {
        TransferProgress stalled = new TransferProgress(10 * MIB, MIB, 0, 1, 0, "a");
        assertThat(TransferTexts.figures(TransferState.TRANSFERRING, stalled, null))
                .isEqualTo("1.0 MiB of 10.0 MiB verified · 0 B/s");
        TransferProgress notStarted = new TransferProgress(40 * MIB, 0, 0, 3, 0, "");
        assertThat(TransferTexts.figures(TransferState.TRANSFERRING, notStarted, null))
                .isEqualTo("0 B of 40.0 MiB verified · 0 of 3 files · 0 B/s");
    }

    @Test
    void anUnknownTotalShowsNoFigures() {
        for (TransferState state : TransferState.values()) {
            if (state != TransferState.DONE) {
                assertThat(TransferTexts.figures(state, TransferProgress.NONE, null))
                        .as(state.name())
                        .isEmpty();
            }
        }
        TransferProgress emptyFiles = new TransferProgress(0, 0, 0, 2, 0, "");
        assertThat(TransferTexts.figures(TransferState.AWAITING_ACCEPT, emptyFiles, null))
                .as("empty files are known files")
                .isEqualTo("2 files, 0 B");
        assertThat(TransferTexts.figures(TransferState.FAILED, emptyFiles, null))
                .as("no bytes to have verified")
                .isEmpty();
    }

    @Test
    void beforeAndAfterTheBytesFlowTheFiguresSayWhatIsKnown() {
        for (TransferState before : List.of(
                TransferState.CONNECTING,
                TransferState.WAITING_FOR_PEER,
                TransferState.HANDSHAKE,
                TransferState.AWAITING_ACCEPT)) {
            assertThat(TransferTexts.figures(before, HALF, null))
                    .as(before.name())
                    .isEqualTo("3 files, 200 MiB");
        }
        assertThat(TransferTexts.figures(TransferState.DONE, ALL, RESULT)).isEqualTo("3 files, 200 MiB in 4.1 s");
        assertThat(TransferTexts.figures(TransferState.DONE, ALL, null))
                .as("no result yet")
                .isEmpty();
        assertThat(TransferTexts.figures(TransferState.FAILED, HALF, null))
                .isEqualTo("100 MiB of 200 MiB verified before it stopped");
        assertThat(TransferTexts.figures(TransferState.CANCELLED, HALF, null))
                .isEqualTo("100 MiB of 200 MiB verified before it stopped");
    }

    @Test
    void theDoneSummaryCountsTheWholeTransferAfterAResume() {
        assertThat(TransferTexts.done(TransferProgress.NONE, RESULT)).isEqualTo("3 files, 200 MiB in 4.1 s");
        TransferResult rest = new TransferResult(1, 20 * MIB, Duration.ofSeconds(75), List.of());
        assertThat(TransferTexts.done(ALL, rest))
                .as("the resumed run moved only the rest")
                .isEqualTo("1 file, 200 MiB in 1 min 15 s");
    }
}
