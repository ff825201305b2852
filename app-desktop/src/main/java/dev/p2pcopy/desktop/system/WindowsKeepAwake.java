package dev.p2pcopy.desktop.system;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Windows awake with {@code SetThreadExecutionState}. The state belongs to the thread that
 * set it, so each hold owns a thread that sets it, waits until the hold is closed, and resets it.
 */
final class WindowsKeepAwake implements KeepAwake {
    /** The flags a hold sets: stay awake until reset. */
    static final int AWAKE = WinBase.ES_CONTINUOUS | WinBase.ES_SYSTEM_REQUIRED;
    /** The flags that reset a hold. */
    static final int RESET = WinBase.ES_CONTINUOUS;

    private static final Logger LOG = LoggerFactory.getLogger(WindowsKeepAwake.class);

    /** The Windows call; returns 0 when it failed. */
    @FunctionalInterface
    interface ExecutionState {
        /** Windows' own, through JNA; only loaded when called. */
        ExecutionState KERNEL32 = flags -> Kernel32.INSTANCE.SetThreadExecutionState(flags);

        /** Sets the calling thread's execution state; returns the previous one, or 0 on failure. */
        int set(int flags);
    }

    private final ExecutionState state;
    private final AtomicBoolean complained = new AtomicBoolean();

    WindowsKeepAwake(ExecutionState state) {
        this.state = state;
    }

    @Override
    public Hold hold(String reason) {
        CountDownLatch released = new CountDownLatch(1);
        Thread holder = new Thread(() -> hold(released), "p2p-copy-keep-awake");
        holder.setDaemon(true); // a forgotten hold must not keep the app from exiting
        holder.start();
        return released::countDown;
    }

    private void hold(CountDownLatch released) {
        try {
            if (state.set(AWAKE) == 0) {
                complainOnce("SetThreadExecutionState failed");
                return;
            }
            released.await();
            state.set(RESET);
        } catch (InterruptedException e) {
            state.set(RESET);
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) { // no JNA native library, or not Windows after all
            complainOnce(e.toString());
        }
    }

    private void complainOnce(String why) {
        if (complained.compareAndSet(false, true)) {
            LOG.warn("Cannot keep the computer awake during transfers: {}.", why);
        }
    }
}
