package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.ConflictPolicy;
import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import dev.p2pcopy.protocol.manifest.SafePaths;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies the receiver's {@link ConflictPolicy} to a checked manifest before anything is
 * written: which top-level names are renamed, which files are skipped, and where each entry
 * lands.
 */
final class ConflictResolver {
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private ConflictResolver() {}

    /**
     * Where each entry of {@code manifest} goes in {@code outputDir}.
     *
     * @param targets final path of each manifest entry
     * @param skipped entries kept as they are on disk (policy SKIP)
     * @param topLevel the top-level paths the transfer writes into, after renaming
     */
    record Plan(List<Path> targets, boolean[] skipped, List<Path> topLevel) {}

    /**
     * Plans the transfer of {@code manifest}, whose paths have passed {@link SafePaths#check}.
     *
     * @throws TransferException with LOCAL_IO if the policy is FAIL and a name is taken, or an
     *     existing entry is a file where a folder is needed (or the other way round)
     */
    static Plan plan(Path outputDir, Manifest manifest, ConflictPolicy policy) {
        Map<String, String> renames = new HashMap<>();
        Set<String> existingTop = new HashSet<>();
        List<String> topNames = manifest.topLevelNames();
        Set<String> used = new HashSet<>();
        topNames.forEach(n -> used.add(n.toLowerCase(Locale.ROOT)));
        for (String name : topNames) {
            if (!Files.exists(outputDir.resolve(name), NO_FOLLOW)) {
                continue;
            }
            switch (policy) {
                case FAIL ->
                    throw new TransferException(
                            FailureReason.LOCAL_IO, "'" + name + "' already exists in " + outputDir + ".");
                case RENAME -> renames.put(name, freeName(outputDir, name, isDirectory(manifest, name), used));
                case OVERWRITE, SKIP -> existingTop.add(name);
            }
        }

        List<ManifestEntry> entries = manifest.entries();
        List<Path> targets = new ArrayList<>(entries.size());
        boolean[] skipped = new boolean[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            ManifestEntry e = entries.get(i);
            String top = topOf(e.path());
            String renamed = renames.get(top);
            String path = renamed == null ? e.path() : renamed + e.path().substring(top.length());
            Path target = SafePaths.resolve(outputDir, SafePaths.check(path));
            targets.add(target);
            if (existingTop.contains(top) && Files.exists(target, NO_FOLLOW)) {
                checkSameKind(e, target);
                skipped[i] = policy == ConflictPolicy.SKIP && e.type() == EntryType.FILE;
            }
        }
        List<Path> topLevel = new ArrayList<>(topNames.size());
        for (String name : topNames) {
            topLevel.add(outputDir.resolve(renames.getOrDefault(name, name)));
        }
        return new Plan(List.copyOf(targets), skipped, List.copyOf(topLevel));
    }

    private static void checkSameKind(ManifestEntry e, Path target) {
        boolean isDir = Files.isDirectory(target, NO_FOLLOW);
        if (e.type() == EntryType.DIR && !isDir) {
            throw new TransferException(
                    FailureReason.LOCAL_IO, "Cannot create the folder " + target + ": a file of that name exists.");
        }
        if (e.type() == EntryType.FILE && isDir) {
            throw new TransferException(
                    FailureReason.LOCAL_IO, "Cannot write the file " + target + ": a folder of that name exists.");
        }
    }

    /** "name (1).ext" for files, "name (1)" for folders: the first one free on disk and in the offer. */
    private static String freeName(Path outputDir, String name, boolean directory, Set<String> used) {
        int dot = directory ? -1 : name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            String candidate = stem + " (" + n + ")" + ext;
            if (!used.contains(candidate.toLowerCase(Locale.ROOT))
                    && !Files.exists(outputDir.resolve(candidate), NO_FOLLOW)) {
                used.add(candidate.toLowerCase(Locale.ROOT));
                return candidate;
            }
        }
    }

    private static boolean isDirectory(Manifest manifest, String topName) {
        for (ManifestEntry e : manifest.entries()) {
            if (e.path().equals(topName)) {
                return e.type() == EntryType.DIR;
            }
        }
        return true; // only listed through its contents
    }

    private static String topOf(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }
}
