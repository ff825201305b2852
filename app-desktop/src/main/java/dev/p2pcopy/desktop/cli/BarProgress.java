package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.protocol.TransferProgress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A live progress bar on a terminal: bytes in MiB, rate, the engine's ETA, current file. While
 * the connection is down the bar stays where it is and says "reconnecting..." in place of the file
 * name.
 */
final class BarProgress implements ProgressView {
    private static final long MIB = 1024 * 1024;
    private static final int REDRAW_MILLIS = 200;

    private final PrintStream err;
    private final String task;
    private ProgressBar bar;
    private LineEndingConsumer consumer;
    private volatile Duration eta;
    private boolean reconnecting;
    private String currentFile = "";

    BarProgress(PrintStream err, String task) {
        this.err = err;
        this.task = task;
    }

    @Override
    public void show(TransferProgress progress) {
        if (bar == null) {
            // Created on the first figures: the total is known only once the manifest is.
            consumer = new LineEndingConsumer(err);
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(progress.totalBytes())
                    .setUnit(" MiB", MIB)
                    .showSpeed()
                    .setEtaFunction(state -> Optional.ofNullable(eta))
                    .setUpdateIntervalMillis(REDRAW_MILLIS)
                    .setConsumer(consumer)
                    .build();
        }
        eta = progress.eta().orElse(null);
        bar.maxHint(progress.totalBytes());
        bar.stepTo(progress.verifiedBytes());
        currentFile = progress.currentFile();
        showMessage();
    }

    @Override
    public void reconnecting() {
        reconnecting = true;
        eta = null;
        if (bar == null) {
            err.println(ProgressView.RECONNECTING); // no bar yet to say it in
        }
        showMessage();
    }

    @Override
    public void reconnected() {
        reconnecting = false;
        if (bar == null) {
            err.println(ProgressView.RECONNECTED);
        }
        showMessage();
    }

    private void showMessage() {
        if (bar != null) {
            String message = reconnecting ? ProgressView.RECONNECTING_SHORT : currentFile;
            bar.setExtraMessage(message.isEmpty() ? "" : " " + message);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            // A bar closed before its first scheduled redraw never closes its consumer: end the line here.
            consumer.close();
        }
    }

    /** The console consumer, made safe to close twice. */
    private static final class LineEndingConsumer extends ConsoleProgressBarConsumer {
        private boolean closed;

        LineEndingConsumer(PrintStream out) {
            super(out);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                super.close();
            }
        }
    }
}
