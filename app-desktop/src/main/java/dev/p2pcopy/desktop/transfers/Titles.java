package dev.p2pcopy.desktop.transfers;

import dev.p2pcopy.desktop.format.Units;
import dev.p2pcopy.protocol.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;

/** Short names for transfers: the first name and how many more. */
final class Titles {
    private Titles() {}

    static String ofSources(List<Path> paths) {
        String first = String.valueOf(paths.get(0).getFileName());
        return paths.size() == 1 ? first : first + " and " + (paths.size() - 1) + " more";
    }

    static String ofManifest(Manifest manifest) {
        List<String> tops = manifest.topLevelNames();
        String names = tops.isEmpty()
                ? "nothing"
                : tops.size() == 1 ? tops.get(0) : tops.get(0) + " and " + (tops.size() - 1) + " more";
        return names + " (" + Units.files(manifest.fileCount()) + ", " + Units.size(manifest.totalBytes()) + ")";
    }
}
