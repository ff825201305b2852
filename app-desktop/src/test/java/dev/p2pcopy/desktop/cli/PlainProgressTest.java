package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.TransferProgress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PlainProgressTest {
    @Test
    void aLineSaysPercentBytesRateEtaAndFile() {
        TransferProgress p = new TransferProgress(1L << 30, 420L << 20, 300e6, 3, 1, "photos/img.jpg");

        assertThat(PlainProgress.line(p)).isEqualTo("41% 420 MiB / 1.0 GiB, 300 MB/s, ETA 2 s, photos/img.jpg");
    }

    @Test
    void unknownRateAndNoCurrentFileAreLeftOut() {
        assertThat(PlainProgress.line(new TransferProgress(100, 0, 0, 1, 0, "")))
                .isEqualTo("0% 0 B / 100 B");
    }

    @Test
    void afterReconnectingTheNextFiguresArePrintedAtOnce() {
        WatchedStream err = new WatchedStream();
        AtomicLong now = new AtomicLong(1_000);
        PlainProgress view = new PlainProgress(err.printStream(), now::get);

        view.show(new TransferProgress(100, 40, 0, 1, 0, ""));
        view.reconnecting();
        now.addAndGet(PlainProgress.INTERVAL_NANOS);
        view.show(new TransferProgress(100, 40, 0, 1, 0, "")); // not while the connection is down
        view.reconnected();
        view.show(new TransferProgress(100, 41, 0, 1, 0, ""));

        assertThat(err.text().lines())
                .containsExactly(
                        "40% 40 B / 100 B",
                        "Connection lost; reconnecting...",
                        "Reconnected; continuing where it stopped.",
                        "41% 41 B / 100 B");
    }

    @Test
    void printsAtMostOneLineEveryTwoSeconds() {
        WatchedStream err = new WatchedStream();
        AtomicLong now = new AtomicLong(1_000);
        PlainProgress view = new PlainProgress(err.printStream(), now::get);
        TransferProgress p = new TransferProgress(100, 50, 0, 1, 0, "");

        view.show(p);
        now.addAndGet(PlainProgress.INTERVAL_NANOS - 1);
        view.show(p);
        now.addAndGet(1);
        view.show(p);
        view.close();

        assertThat(err.text().lines()).hasSize(2);
    }
}
