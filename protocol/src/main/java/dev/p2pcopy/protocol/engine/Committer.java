package dev.p2pcopy.protocol.engine;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Makes verified files durable and gives them their final names on a few threads of its own.
 * An fsync costs milliseconds whatever the file's size, so with many small files it, not the
 * network, would set the pace if the writer waited for each one; several in flight also let
 * the file system merge them.
 */
final class Committer implements AutoCloseable {
    static final int THREADS = 4;

    private final ExecutorService pool =
            new ThreadPoolExecutor(THREADS, THREADS, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "p2p-copy-commit");
                t.setDaemon(true);
                return t;
            });
    private final Phaser inFlight = new Phaser(1);
    private final Set<IncomingFile> pending = ConcurrentHashMap.newKeySet();
    private final Runnable onCommitted;
    private final BiConsumer<IncomingFile, IOException> onFailed;

    /**
     * @param onCommitted called (on a committer thread) after each file got its final name
     * @param onFailed called (on a committer thread) when a file could not be made durable
     */
    Committer(Runnable onCommitted, BiConsumer<IncomingFile, IOException> onFailed) {
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
        this.onCommitted = onCommitted;
        this.onFailed = onFailed;
    }

    /** Queues {@code file}, already verified, for fsync, times, mode and rename. */
    void submit(IncomingFile file, long mtimeMillis, int mode) {
        pending.add(file);
        inFlight.register();
        pool.execute(() -> {
            try {
                file.persist(mtimeMillis, mode);
                pending.remove(file);
                onCommitted.run();
            } catch (IOException e) {
                onFailed.accept(file, e);
            } finally {
                inFlight.arriveAndDeregister();
            }
        });
    }

    /** Waits until every submitted file is committed or has failed. */
    void awaitAll() throws InterruptedException {
        // The caller's own party stays registered for the next wait.
        inFlight.awaitAdvanceInterruptibly(inFlight.arrive());
    }

    /** Stops the threads and deletes the temporary files of commits that did not finish. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pending.forEach(IncomingFile::discard);
    }
}
