package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.TransferProgress;
import org.junit.jupiter.api.Test;

class BarProgressTest {
    @Test
    void drawsTaskBytesAndCurrentFileAndEndsTheLine() {
        WatchedStream err = new WatchedStream();
        BarProgress bar = new BarProgress(err.printStream(), "Sending");

        bar.show(new TransferProgress(8L << 20, 2L << 20, 1e6, 2, 0, "photos/a.jpg"));
        bar.show(new TransferProgress(8L << 20, 8L << 20, 1e6, 2, 2, "photos/b.jpg"));
        bar.close();

        assertThat(err.text())
                .contains("Sending", "100%", "8/8 MiB", "photos/b.jpg")
                .endsWith(System.lineSeparator());
    }

    @Test
    void aLostConnectionIsShownOnTheBarWhichThenContinues() {
        WatchedStream err = new WatchedStream();
        BarProgress bar = new BarProgress(err.printStream(), "Receiving");

        bar.show(new TransferProgress(8L << 20, 2L << 20, 1e6, 1, 0, "big.iso"));
        bar.reconnecting();
        bar.close();

        assertThat(err.text()).contains("2/8 MiB", "reconnecting...");

        WatchedStream after = new WatchedStream();
        BarProgress again = new BarProgress(after.printStream(), "Receiving");
        again.show(new TransferProgress(8L << 20, 2L << 20, 1e6, 1, 0, "big.iso"));
        again.reconnecting();
        again.reconnected();
        again.show(new TransferProgress(8L << 20, 6L << 20, 1e6, 1, 0, "big.iso"));
        again.close();

        assertThat(after.text()).contains("6/8 MiB", "big.iso").doesNotContain("reconnecting");
    }

    @Test
    void aLostConnectionBeforeTheBarIsDrawnGetsALine() {
        WatchedStream err = new WatchedStream();
        BarProgress bar = new BarProgress(err.printStream(), "Sending");

        bar.reconnecting();
        bar.reconnected();
        bar.close();

        assertThat(err.text().lines())
                .containsExactly("Connection lost; reconnecting...", "Reconnected; continuing where it stopped.");
    }

    @Test
    void aBarThatNeverStartedPrintsNothing() {
        WatchedStream err = new WatchedStream();

        new BarProgress(err.printStream(), "Receiving").close();

        assertThat(err.text()).isEmpty();
    }
}
