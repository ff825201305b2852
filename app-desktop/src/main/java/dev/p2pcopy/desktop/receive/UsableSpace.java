package dev.p2pcopy.desktop.receive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Free space where files will be written: the file store of the folder or its nearest existing parent. */
final class UsableSpace {
    private UsableSpace() {}

    /** Bytes this process may still write at {@code folder}, or empty if that cannot be found out. */
    static OptionalLong at(Path folder) {
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent(); // the receiver creates a missing folder
        }
        if (existing == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Files.getFileStore(existing).getUsableSpace());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
