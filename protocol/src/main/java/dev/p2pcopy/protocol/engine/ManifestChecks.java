package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import dev.p2pcopy.protocol.manifest.SafePaths;
import dev.p2pcopy.protocol.manifest.UnsafePathException;
import dev.p2pcopy.protocol.resume.ReservedNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The receiver's checks on an offered manifest before anything touches the disk. */
final class ManifestChecks {
    private ManifestChecks() {}

    /**
     * Refuses unsafe paths, names that collide when case is ignored, and entries that would
     * live inside a file.
     *
     * @throws TransferException with PROTOCOL naming the first offending path
     */
    static void check(Manifest manifest) {
        List<String> paths = new ArrayList<>(manifest.entries().size());
        Set<String> files = new HashSet<>();
        try {
            for (ManifestEntry e : manifest.entries()) {
                paths.add(SafePaths.check(e.path()));
                String name = e.path().substring(e.path().lastIndexOf('/') + 1);
                if (ReservedNames.isReserved(name)) {
                    throw Failures.protocol("Refused the sender's offer: the path " + e.path()
                            + " uses a name p2p-copy reserves for its own partial files.");
                }
                if (e.type() == EntryType.FILE) {
                    files.add(e.path());
                }
            }
            SafePaths.checkNoCaseCollisions(paths);
        } catch (UnsafePathException e) {
            throw refused(e);
        }
        for (String path : paths) {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                if (files.contains(path.substring(0, slash))) {
                    throw Failures.protocol(
                            "The sender offered " + path + " inside the file " + path.substring(0, slash) + ".");
                }
            }
        }
    }

    /** An unsafe path as the receiver reports it. */
    static TransferException refused(UnsafePathException e) {
        return new TransferException(
                dev.p2pcopy.protocol.FailureReason.PROTOCOL,
                "Refused the sender's offer: " + lowerFirst(e.getMessage()),
                e);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
