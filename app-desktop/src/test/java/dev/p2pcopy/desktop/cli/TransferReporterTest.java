package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TransferReporterTest {
    private static final TransferProgress HALF = new TransferProgress(100, 50, 0, 1, 0, "a.txt");

    @Test
    void showsProgressOnlyWhileFileDataFlows() {
        WatchedStream err = new WatchedStream();
        List<String> shown = new ArrayList<>();
        TransferReporter reporter = recording(err, shown);

        reporter.onProgress(HALF);
        reporter.onStateChanged(TransferState.HANDSHAKE);
        reporter.onStateChanged(TransferState.TRANSFERRING);
        reporter.onProgress(HALF);
        reporter.onStateChanged(TransferState.DONE);
        reporter.onProgress(HALF);

        assertThat(shown).containsExactly("new", "show 50", "close");
        assertThat(err.text()).isEqualTo("Connected." + System.lineSeparator());
    }

    @Test
    void aLostConnectionIsShownInTheSameViewAndTheHandshakeAfterItIsNotAnnounced() {
        WatchedStream err = new WatchedStream();
        List<String> shown = new ArrayList<>();
        TransferReporter reporter = recording(err, shown);

        reporter.onStateChanged(TransferState.HANDSHAKE);
        reporter.onStateChanged(TransferState.TRANSFERRING);
        reporter.onProgress(HALF);
        reporter.onStateChanged(TransferState.RECONNECTING);
        reporter.onStateChanged(TransferState.HANDSHAKE);
        reporter.onStateChanged(TransferState.RECONNECTING); // lost again during the handshake
        reporter.onStateChanged(TransferState.HANDSHAKE);
        reporter.onStateChanged(TransferState.TRANSFERRING);
        reporter.onProgress(HALF);
        reporter.onStateChanged(TransferState.RECONNECTING);
        reporter.onStateChanged(TransferState.FAILED);

        assertThat(shown)
                .containsExactly("new", "show 50", "reconnecting", "reconnected", "show 50", "reconnecting", "close");
        assertThat(err.text()).isEqualTo("Connected." + System.lineSeparator());
    }

    @Test
    void aLostConnectionBeforeFileDataGetsALineAndSoDoesBeingBack() {
        WatchedStream err = new WatchedStream();
        List<String> shown = new ArrayList<>();
        TransferReporter reporter = new TransferReporter(
                err.printStream(),
                Map.of(
                        TransferState.WAITING_FOR_PEER,
                        "Waiting for the sender...",
                        TransferState.HANDSHAKE,
                        "Connected."),
                recordingViews(shown));

        reporter.onStateChanged(TransferState.WAITING_FOR_PEER);
        reporter.onStateChanged(TransferState.RECONNECTING);
        reporter.onStateChanged(TransferState.RECONNECTING);
        reporter.onStateChanged(TransferState.WAITING_FOR_PEER);
        reporter.onStateChanged(TransferState.HANDSHAKE);
        reporter.onStateChanged(TransferState.RECONNECTING);
        reporter.onStateChanged(TransferState.HANDSHAKE);
        reporter.onStateChanged(TransferState.TRANSFERRING);
        reporter.onStateChanged(TransferState.DONE);

        assertThat(err.text().lines())
                .containsExactly(
                        "Waiting for the sender...",
                        "Connection lost; reconnecting...",
                        "Reconnected.",
                        "Waiting for the sender...",
                        "Connected.",
                        "Connection lost; reconnecting...",
                        "Reconnected.",
                        "Connected.");
        assertThat(shown).containsExactly("new", "close");
    }

    @Test
    void givingUpBeforeFileDataEndsWithoutAReconnectedLine() {
        WatchedStream err = new WatchedStream();
        TransferReporter reporter = recording(err, new ArrayList<>());

        reporter.onStateChanged(TransferState.HANDSHAKE);
        reporter.onStateChanged(TransferState.RECONNECTING);
        reporter.onStateChanged(TransferState.FAILED);

        assertThat(err.text().lines()).containsExactly("Connected.", "Connection lost; reconnecting...");
    }

    @Test
    void thePlainViewSaysWhenTheConnectionIsLostAndWhenItIsBack() {
        WatchedStream err = new WatchedStream();
        TransferReporter receiver = TransferReporter.forReceiver(env(err));

        receiver.onStateChanged(TransferState.WAITING_FOR_PEER);
        receiver.onStateChanged(TransferState.HANDSHAKE);
        receiver.onStateChanged(TransferState.AWAITING_ACCEPT);
        receiver.onStateChanged(TransferState.TRANSFERRING);
        receiver.onProgress(HALF);
        receiver.onStateChanged(TransferState.RECONNECTING);
        receiver.onStateChanged(TransferState.HANDSHAKE);
        receiver.onStateChanged(TransferState.TRANSFERRING);
        receiver.onProgress(new TransferProgress(100, 60, 0, 1, 0, "a.txt"));
        receiver.onStateChanged(TransferState.DONE);

        assertThat(err.text().lines())
                .containsExactly(
                        "Waiting for the sender...",
                        "Connected.",
                        "50% 50 B / 100 B, a.txt",
                        "Connection lost; reconnecting...",
                        "Reconnected; continuing where it stopped.",
                        "60% 60 B / 100 B, a.txt");
    }

    @Test
    void warningsArePrintedOnTheirOwnLine() {
        WatchedStream err = new WatchedStream();
        TransferReporter reporter = TransferReporter.forSender(env(err));

        reporter.onWarning("Skipped /tmp/link: it is a symbolic link.");

        assertThat(err.text()).isEqualTo("Warning: Skipped /tmp/link: it is a symbolic link." + System.lineSeparator());
    }

    @Test
    void senderAndReceiverSayDifferentThings() {
        WatchedStream senderErr = new WatchedStream();
        WatchedStream receiverErr = new WatchedStream();
        TransferReporter sender = TransferReporter.forSender(env(senderErr));
        TransferReporter receiver = TransferReporter.forReceiver(env(receiverErr));

        for (TransferState state : List.of(
                TransferState.CONNECTING,
                TransferState.WAITING_FOR_PEER,
                TransferState.HANDSHAKE,
                TransferState.AWAITING_ACCEPT,
                TransferState.TRANSFERRING)) {
            sender.onStateChanged(state);
            receiver.onStateChanged(state);
        }
        sender.onProgress(HALF);
        sender.onStateChanged(TransferState.FAILED);

        assertThat(senderErr.text())
                .startsWith(String.join(
                        System.lineSeparator(), "Connected.", "Waiting for the receiver to accept...", "50% "));
        assertThat(receiverErr.text())
                .isEqualTo(String.join(System.lineSeparator(), "Waiting for the sender...", "Connected.", ""));
    }

    /** A reporter whose view records what it is asked to do. */
    private static TransferReporter recording(WatchedStream err, List<String> shown) {
        return new TransferReporter(
                err.printStream(), Map.of(TransferState.HANDSHAKE, "Connected."), recordingViews(shown));
    }

    /** Views that record what they are asked to do in {@code shown}. */
    private static Supplier<ProgressView> recordingViews(List<String> shown) {
        return () -> {
            shown.add("new");
            return new ProgressView() {
                @Override
                public void show(TransferProgress progress) {
                    shown.add("show " + progress.verifiedBytes());
                }

                @Override
                public void reconnecting() {
                    shown.add("reconnecting");
                }

                @Override
                public void reconnected() {
                    shown.add("reconnected");
                }

                @Override
                public void close() {
                    shown.add("close");
                }
            };
        };
    }

    private static CliEnvironment env(WatchedStream err) {
        return TestEnvironment.of("", err);
    }
}
