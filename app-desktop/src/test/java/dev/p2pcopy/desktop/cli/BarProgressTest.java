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
    void aBarThatNeverStartedPrintsNothing() {
        WatchedStream err = new WatchedStream();

        new BarProgress(err.printStream(), "Receiving").close();

        assertThat(err.text()).isEmpty();
    }
}
