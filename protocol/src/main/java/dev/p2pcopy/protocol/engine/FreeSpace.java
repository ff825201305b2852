package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compares what an offer needs with the free space where it would be written. */
final class FreeSpace {
    private FreeSpace() {}

    /**
     * @throws TransferException with LOCAL_IO if {@code dir}'s file system has less than {@code
     *     needed} bytes free
     */
    static void check(Path dir, long needed) {
        Path existing = dir;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new TransferException(FailureReason.LOCAL_IO, "Cannot find a folder to write " + dir + " into.");
        }
        long usable;
        try {
            usable = Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            throw Failures.localIo("inspect", existing, e);
        }
        if (needed > usable) {
            throw new TransferException(
                    FailureReason.LOCAL_IO,
                    "Not enough free space in " + dir + ": need " + Failures.size(needed) + ", have "
                            + Failures.size(usable) + ".");
        }
    }
}
