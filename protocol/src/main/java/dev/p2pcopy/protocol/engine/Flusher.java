package dev.p2pcopy.protocol.engine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pushes received data to disk in the background while more arrives, so that the fsync
 * before a file's commit only has the tail left to write instead of the whole file. One
 * daemon thread per receiving session; a flush still pending when a newer one is asked for
 * is not repeated.
 */
final class Flusher implements AutoCloseable {
    /** Bytes written between two background flushes of one file. */
    static final long FLUSH_EVERY = 32L * 1024 * 1024;

    private final ExecutorService thread =
            new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "p2p-copy-flush");
                t.setDaemon(true);
                return t;
            });
    private final AtomicBoolean pending = new AtomicBoolean();

    /** Starts flushing {@code channel}'s data unless a flush is already on its way. */
    void flush(FileChannel channel) {
        if (pending.compareAndSet(false, true)) {
            thread.execute(() -> {
                pending.set(false);
                try {
                    channel.force(false);
                } catch (IOException e) {
                    // The commit's own fsync reports problems; this one only gets ahead of it.
                }
            });
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
