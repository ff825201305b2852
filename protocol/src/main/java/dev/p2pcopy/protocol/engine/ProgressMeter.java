package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.TransferListener;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Keeps a transfer's progress figures, smooths the rate over about two seconds, and tells the
 * listener at most ten times a second (plus once at the end).
 */
final class ProgressMeter {
    private static final long EMIT_INTERVAL_NANOS = 100_000_000L;
    private static final long RATE_WINDOW_NANOS = 2_000_000_000L;

    private final TransferListener listener;
    private final LongSupplier clock;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private List<String> files = List.of();
    private long[] sizes = new long[0];
    private int summedFiles;
    private long bytesBefore;
    private long totalBytes;
    private long verifiedBytes;
    private int filesDone;
    private long lastEmit = Long.MIN_VALUE;

    ProgressMeter(TransferListener listener, LongSupplier nanoClock) {
        this.listener = listener;
        this.clock = nanoClock;
    }

    /** Sets what the transfer is about: the total and the files (regular ones) in sending order. */
    synchronized void start(long totalBytes, List<ManifestEntry> fileEntries, long alreadyVerified) {
        this.totalBytes = totalBytes;
        this.files = fileEntries.stream().map(ManifestEntry::path).toList();
        this.sizes = fileEntries.stream().mapToLong(ManifestEntry::size).toArray();
        this.summedFiles = 0;
        this.bytesBefore = 0;
        this.verifiedBytes = alreadyVerified;
        samples.clear();
        samples.add(new long[] {clock.getAsLong(), alreadyVerified});
    }

    /** Records new figures and tells the listener if it has not heard for a while. */
    void update(long verified, int done) {
        TransferProgress toEmit = null;
        synchronized (this) {
            long now = clock.getAsLong();
            verifiedBytes = Math.max(verifiedBytes, verified);
            filesDone = Math.max(filesDone, done);
            samples.add(new long[] {now, verifiedBytes});
            while (samples.size() > 2 && now - samples.peekFirst()[0] > RATE_WINDOW_NANOS) {
                samples.removeFirst();
            }
            if (lastEmit == Long.MIN_VALUE || now - lastEmit >= EMIT_INTERVAL_NANOS) {
                lastEmit = now;
                toEmit = snapshot();
            }
        }
        if (toEmit != null) {
            emit(toEmit);
        }
    }

    /** Tells the listener the final figures. */
    void finish() {
        emit(snapshot());
    }

    /** The current figures. */
    synchronized TransferProgress snapshot() {
        double rate = 0;
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        if (first != null && last != first && last[0] > first[0]) {
            rate = (last[1] - first[1]) * 1e9 / (last[0] - first[0]);
        }
        if (filesDone >= files.size()) {
            return new TransferProgress(totalBytes, verifiedBytes, rate, files.size(), filesDone, "");
        }
        // Files travel in order, so the current one holds what was verified beyond the ones before it.
        while (summedFiles < filesDone) { // filesDone only grows: add each finished file once
            bytesBefore += sizes[summedFiles++];
        }
        long before = bytesBefore;
        long size = sizes[filesDone];
        long inFile = Math.max(0, Math.min(size, verifiedBytes - before));
        return new TransferProgress(
                totalBytes, verifiedBytes, rate, files.size(), filesDone, files.get(filesDone), inFile, size);
    }

    private void emit(TransferProgress progress) {
        try {
            listener.onProgress(progress);
        } catch (RuntimeException e) {
            // A listener's bug must not break the transfer.
        }
    }
}
