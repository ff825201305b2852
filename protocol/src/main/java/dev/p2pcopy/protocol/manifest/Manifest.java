package dev.p2pcopy.protocol.manifest;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the sender offers: every file and directory, in sending order. File indexes in DATA
 * and FILE_END frames are positions in {@link #entries()}.
 */
public record Manifest(List<ManifestEntry> entries) {
    /** Most entries one manifest may list. */
    public static final int MAX_ENTRIES = 1_000_000;

    /** Copies {@code entries} so the manifest stays immutable. */
    public Manifest {
        entries = List.copyOf(entries);
    }

    /** Sum of all file sizes. */
    public long totalBytes() {
        return entries.stream().mapToLong(ManifestEntry::size).sum();
    }

    /** Number of regular files. */
    public int fileCount() {
        return (int) entries.stream().filter(e -> e.type() == EntryType.FILE).count();
    }

    /** Distinct first path segments, in order: what a person sees at the top of the offer. */
    public List<String> topLevelNames() {
        var names = new LinkedHashSet<String>();
        for (ManifestEntry e : entries) {
            int slash = e.path().indexOf('/');
            names.add(slash < 0 ? e.path() : e.path().substring(0, slash));
        }
        return List.copyOf(names);
    }
}
