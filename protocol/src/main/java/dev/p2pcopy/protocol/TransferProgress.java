package dev.p2pcopy.protocol;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a transfer's progress. Bytes count what the receiver has written and verified
 * (reported back in its acks), so both sides show the same figure.
 *
 * @param totalBytes size of all files in the manifest (0 until the manifest is known)
 * @param verifiedBytes bytes the receiver has confirmed
 * @param bytesPerSecond recent rate of {@code verifiedBytes}, smoothed
 * @param fileCount number of regular files in the manifest
 * @param filesDone files completely received and committed
 * @param currentFile relative path of the file being transferred, or empty between files
 * @param currentFileBytes bytes of {@code currentFile} the receiver has confirmed
 * @param currentFileSize size of {@code currentFile} (0 between files)
 */
public record TransferProgress(
        long totalBytes,
        long verifiedBytes,
        double bytesPerSecond,
        int fileCount,
        int filesDone,
        String currentFile,
        long currentFileBytes,
        long currentFileSize) {

    /** Progress before anything is known. */
    public static final TransferProgress NONE = new TransferProgress(0, 0, 0, 0, 0, "");

    /** Progress without per-file figures. */
    public TransferProgress(
            long totalBytes,
            long verifiedBytes,
            double bytesPerSecond,
            int fileCount,
            int filesDone,
            String currentFile) {
        this(totalBytes, verifiedBytes, bytesPerSecond, fileCount, filesDone, currentFile, 0, 0);
    }

    /** Fraction of the current file done in [0, 1]; 1 for an empty or unknown file. */
    public double currentFileFraction() {
        return currentFileSize == 0 ? 1.0 : Math.min(1.0, (double) currentFileBytes / currentFileSize);
    }

    /** Fraction done in [0, 1]; 1 for an empty transfer. */
    public double fraction() {
        return totalBytes == 0 ? 1.0 : Math.min(1.0, (double) verifiedBytes / totalBytes);
    }

    /** Estimated time left at the current rate, or empty while the rate is unknown. */
    public Optional<Duration> eta() {
        if (bytesPerSecond <= 0) {
            return Optional.empty();
        }
        long remaining = Math.max(0, totalBytes - verifiedBytes);
        return Optional.of(Duration.ofMillis((long) (remaining * 1000 / bytesPerSecond)));
    }
}
