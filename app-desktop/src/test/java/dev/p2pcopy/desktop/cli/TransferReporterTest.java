package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.relay.DefaultRelay;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferState;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransferReporterTest {
    private static final TransferProgress HALF = new TransferProgress(100, 50, 0, 1, 0, "a.txt");

    @Test
    void showsProgressOnlyWhileFileDataFlows() {
        WatchedStream err = new WatchedStream();
        List<String> shown = new ArrayList<>();
        TransferReporter reporter = new TransferReporter(
                err.printStream(), Map.of(TransferState.HANDSHAKE, "Connected."), () -> new ProgressView() {
                    @Override
                    public void show(TransferProgress progress) {
                        shown.add("show " + progress.verifiedBytes());
                    }

                    @Override
                    public void close() {
                        shown.add("close");
                    }
                });

        reporter.onProgress(HALF);
        reporter.onStateChanged(TransferState.HANDSHAKE);
        reporter.onStateChanged(TransferState.TRANSFERRING);
        reporter.onProgress(HALF);
        reporter.onStateChanged(TransferState.DONE);
        reporter.onProgress(HALF);

        assertThat(shown).containsExactly("show 50", "close");
        assertThat(err.text()).isEqualTo("Connected." + System.lineSeparator());
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

    private static CliEnvironment env(WatchedStream err) {
        return new CliEnvironment(
                InputStream.nullInputStream(),
                new WatchedStream().printStream(),
                err.printStream(),
                false,
                DefaultRelay.standard(),
                name -> null,
                null);
    }
}
