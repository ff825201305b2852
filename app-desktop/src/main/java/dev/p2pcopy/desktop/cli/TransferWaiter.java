package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.Transfer;
import dev.p2pcopy.protocol.TransferException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a transfer on the command's thread. While open, Ctrl-C (or SIGTERM) cancels the
 * transfer and gives it a moment to tell the other side before the JVM exits (with 130 for
 * Ctrl-C); an interrupted wait cancels it too.
 */
final class TransferWaiter implements AutoCloseable {
    private static final long GRACE_SECONDS = 5;

    private final Transfer transfer;
    private final Thread hook;

    TransferWaiter(Transfer transfer) {
        this.transfer = transfer;
        this.hook = new Thread(this::cancelAndWait, "p2p-copy-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * The value of one of the transfer's futures.
     *
     * @throws TransferException the transfer's failure as it is; {@link FailureReason#CANCELLED}
     *     if this thread is interrupted
     */
    <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            transfer.cancel();
            Thread.currentThread().interrupt();
            throw new TransferException(FailureReason.CANCELLED, "The transfer was interrupted.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void cancelAndWait() {
        transfer.cancel();
        try {
            transfer.result().get(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // A cancelled transfer fails by design; after the grace period the JVM goes anyway.
        }
    }

    /** Stops watching for Ctrl-C: the transfer has ended. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is already running; it finishes on its own.
        }
    }
}
