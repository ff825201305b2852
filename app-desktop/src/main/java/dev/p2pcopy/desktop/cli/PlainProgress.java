package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.desktop.format.Units;
import dev.p2pcopy.protocol.TransferProgress;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines, at most one every {@link #INTERVAL_NANOS}, for output that is not a
 * terminal: "42% 420 MiB / 1.0 GiB, 300 MB/s, ETA 2 s, photos/img.jpg". A lost connection
 * and its recovery get a line each.
 */
final class PlainProgress implements ProgressView {
    /** Minimum time between two lines, so that logs stay readable. */
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final PrintStream err;
    private final LongSupplier nanoClock;
    private boolean printed;
    private boolean reconnecting;
    private long lastNanos;

    PlainProgress(PrintStream err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
    }

    @Override
    public void show(TransferProgress progress) {
        long now = nanoClock.getAsLong();
        // While reconnecting, a line of figures would read as if data still flowed.
        if (reconnecting || (printed && now - lastNanos < INTERVAL_NANOS)) {
            return;
        }
        printed = true;
        lastNanos = now;
        err.println(line(progress));
    }

    @Override
    public void reconnecting() {
        reconnecting = true;
        err.println(ProgressView.RECONNECTING);
    }

    @Override
    public void reconnected() {
        reconnecting = false;
        err.println(ProgressView.RECONNECTED);
        printed = false; // the next figures follow at once, from where they stopped
    }

    @Override
    public void close() {
        // Every line is complete as printed; the summary follows on its own.
    }

    /** The text of one progress line. */
    static String line(TransferProgress p) {
        StringBuilder line = new StringBuilder()
                .append((int) Math.floor(p.fraction() * 100))
                .append("% ")
                .append(Units.size(p.verifiedBytes()))
                .append(" / ")
                .append(Units.size(p.totalBytes()));
        if (p.bytesPerSecond() > 0) {
            line.append(", ").append(Units.rate(p.bytesPerSecond()));
        }
        p.eta().ifPresent(eta -> line.append(", ETA ").append(Units.whole(eta)));
        if (!p.currentFile().isEmpty()) {
            line.append(", ").append(p.currentFile());
        }
        return line.toString();
    }
}
