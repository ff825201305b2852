package dev.p2pcopy.desktop.receive;

import dev.p2pcopy.desktop.format.Units;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sender's offer in a few lines: the totals, and what sits at the top of it. */
final class OfferSummary {
    /** Most top-level names listed before "and N more". */
    static final int SHOWN = 8;

    private OfferSummary() {}

    /** "3 files, 12.4 MiB". */
    static String totals(Manifest manifest) {
        return Units.files(manifest.fileCount()) + ", " + Units.size(manifest.totalBytes());
    }

    /**
     * One line per top-level name, in the sender's order ("photos/ — 12 files, 40.0 MiB",
     * "notes.txt — 1.2 KiB"), at most {@value #SHOWN}.
     */
    static List<String> lines(Manifest manifest) {
        return tops(manifest).entrySet().stream()
                .limit(SHOWN)
                .map(t -> line(t.getKey(), t.getValue()))
                .toList();
    }

    /** "and 3 more" when there are more top-level names than {@link #lines} shows, else empty. */
    static String more(Manifest manifest) {
        int hidden = tops(manifest).size() - SHOWN;
        return hidden > 0 ? "and " + hidden + " more" : "";
    }

    private static Map<String, Top> tops(Manifest manifest) {
        Map<String, Top> tops = new LinkedHashMap<>();
        for (ManifestEntry e : manifest.entries()) {
            int slash = e.path().indexOf('/');
            String name = slash < 0 ? e.path() : e.path().substring(0, slash);
            Top top = tops.computeIfAbsent(name, n -> new Top());
            top.folder |= slash >= 0 || e.type() == EntryType.DIR;
            if (e.type() == EntryType.FILE) {
                top.files++;
                top.bytes += e.size();
            }
        }
        return tops;
    }

    private static String line(String name, Top top) {
        return top.folder
                ? name + "/ — " + Units.files(top.files) + ", " + Units.size(top.bytes)
                : name + " — " + Units.size(top.bytes);
    }

    /** What one top-level name holds. */
    private static final class Top {
        boolean folder;
        int files;
        long bytes;
    }
}
