package dev.p2pcopy.desktop.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Captured output that a test can wait on until some text shows up. */
final class WatchedStream extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream printStream = new PrintStream(this, true, StandardCharsets.UTF_8);

    PrintStream printStream() {
        return printStream;
    }

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
        notifyAll();
    }

    synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Waits until {@code pattern} matches the text so far and returns its first group. */
    synchronized String await(Pattern pattern, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher m = pattern.matcher(text());
            if (m.find()) {
                return m.group(1);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("No match for " + pattern + " in: " + text());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
