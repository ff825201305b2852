package dev.p2pcopy.desktop.send;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A worker thread whose tasks a test can hold back, to see the screen while a folder is still
 * being counted; not held, it runs tasks at once like any single worker.
 */
final class HeldExecutor implements Executor {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-send-sizes");
        t.setDaemon(true);
        return t;
    });
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    @Override
    public synchronized void execute(Runnable task) {
        if (holding) {
            held.add(task);
        } else {
            worker.execute(task);
        }
    }

    /** Keeps the next tasks until {@link #release()}. */
    synchronized void hold() {
        holding = true;
    }

    /** Runs the kept tasks and stops holding. */
    synchronized void release() {
        holding = false;
        held.forEach(worker::execute);
        held.clear();
    }

    /** How many tasks are being held. */
    synchronized int heldCount() {
        return held.size();
    }

    void shutdown() {
        worker.shutdownNow();
    }
}
