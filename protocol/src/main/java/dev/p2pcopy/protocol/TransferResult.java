package dev.p2pcopy.protocol;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a finished transfer moved.
 *
 * @param fileCount regular files transferred
 * @param bytes bytes of file content transferred
 * @param elapsed time from pairing to the end
 * @param paths on the receiver, the top-level paths written (after conflict renaming); on the
 *     sender, the paths that were sent
 */
public record TransferResult(int fileCount, long bytes, Duration elapsed, List<Path> paths) {
    /** Copies {@code paths} so the result stays immutable. */
    public TransferResult {
        paths = List.copyOf(paths);
    }
}
