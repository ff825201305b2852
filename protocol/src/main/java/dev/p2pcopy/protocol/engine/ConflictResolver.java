package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.ConflictPolicy;
import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import dev.p2pcopy.protocol.manifest.SafePaths;
import dev.p2pcopy.protocol.resume.FolderMarker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
 * lands. A top-level folder that an interrupted transfer of the same offer left behind (it holds
 * a matching {@link FolderMarker}) is no conflict under any policy: the transfer continues in
 * it, skipping the files it already completed.
 */
final class ConflictResolver {
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private ConflictResolver() {}

    /**
     * Where each entry of {@code manifest} goes in {@code outputDir}.
     *
     * @param targets final path of each manifest entry
     * @param skipped entries kept as they are on disk (policy SKIP, or complete in a resumed folder)
     * @param topLevel the top-level paths the transfer writes into, after renaming
     * @param resumedFolders the top-level folders an interrupted transfer of this offer is
     *     continued in
     */
    record Plan(List<Path> targets, boolean[] skipped, List<Path> topLevel, List<Path> resumedFolders) {}

    /**
     * Plans the transfer of {@code manifest}, whose paths have passed {@link SafePaths#check}.
     *
     * @throws TransferException with LOCAL_IO if the policy is FAIL and a name is taken, or an
     *     existing entry is a file where a folder is needed (or the other way round)
     */
    static Plan plan(Path outputDir, Manifest manifest, ConflictPolicy policy) {
        Map<String, String> renames = new HashMap<>();
        Set<String> existingTop = new HashSet<>();
        Set<String> resumed = new HashSet<>();
        Set<String> alreadyHere = new HashSet<>();
        List<String> topNames = manifest.topLevelNames();
        Set<String> used = new HashSet<>();
        topNames.forEach(n -> used.add(n.toLowerCase(Locale.ROOT)));
        for (String name : topNames) {
            String folder =
                    isDirectory(manifest, name) ? interruptedFolder(outputDir, manifest, name, policy, used) : null;
            if (folder != null) {
                resumed.add(name);
                if (!folder.equals(name)) {
                    renames.put(name, folder);
                }
                continue;
            }
            if (!Files.exists(outputDir.resolve(name), NO_FOLLOW)) {
                continue;
            }
            ManifestEntry top = topEntry(manifest, name);
            if (policy == ConflictPolicy.RENAME
                    && top != null
                    && top.type() == EntryType.FILE
                    && isComplete(top, outputDir.resolve(name))) {
                alreadyHere.add(name); // the same file, received before (a re-run): keep it, send nothing
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
            if (alreadyHere.contains(top)) {
                skipped[i] = true;
            } else if (resumed.contains(top) && Files.exists(target, NO_FOLLOW)) {
                checkSameKind(e, target);
                skipped[i] = e.type() == EntryType.FILE && isComplete(e, target);
            } else if (existingTop.contains(top) && Files.exists(target, NO_FOLLOW)) {
                checkSameKind(e, target);
                skipped[i] = policy == ConflictPolicy.SKIP && e.type() == EntryType.FILE;
            }
        }
        List<Path> topLevel = new ArrayList<>(topNames.size());
        List<Path> resumedFolders = new ArrayList<>();
        for (String name : topNames) {
            Path path = outputDir.resolve(renames.getOrDefault(name, name));
            topLevel.add(path);
            if (resumed.contains(name)) {
                resumedFolders.add(path);
            }
        }
        return new Plan(List.copyOf(targets), skipped, List.copyOf(topLevel), List.copyOf(resumedFolders));
    }

    /**
     * The folder in which an interrupted transfer of this offer wrote {@code name}: {@code name}
     * itself, or under RENAME one of the numbered names it would have been given. Null if none.
     */
    private static String interruptedFolder(
            Path outputDir, Manifest manifest, String name, ConflictPolicy policy, Set<String> used) {
        if (isInterrupted(outputDir.resolve(name), manifest, name)) {
            return name;
        }
        if (policy != ConflictPolicy.RENAME) {
            return null;
        }
        for (int n = 1; ; n++) {
            String candidate = name + " (" + n + ")";
            if (used.contains(candidate.toLowerCase(Locale.ROOT))) {
                continue; // freeName never gives out a name of the offer
            }
            Path dir = outputDir.resolve(candidate);
            if (!Files.exists(dir, NO_FOLLOW)) {
                return null; // freeName would have stopped here
            }
            if (isInterrupted(dir, manifest, name)) {
                used.add(candidate.toLowerCase(Locale.ROOT));
                return candidate;
            }
        }
    }

    private static ManifestEntry topEntry(Manifest manifest, String name) {
        for (ManifestEntry e : manifest.entries()) {
            if (e.path().equals(name)) {
                return e;
            }
        }
        return null; // a folder listed only through its contents
    }

    private static boolean isInterrupted(Path dir, Manifest manifest, String name) {
        return Files.isDirectory(dir, NO_FOLLOW) && FolderMarker.matches(dir, manifest, name);
    }

    /** A file the interrupted transfer completed: committed files get the offer's size and time. */
    private static boolean isComplete(ManifestEntry e, Path target) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class, NO_FOLLOW);
            return attributes.isRegularFile()
                    && attributes.size() == e.size()
                    && attributes.lastModifiedTime().toMillis() == e.mtimeMillis();
        } catch (IOException ex) {
            return false;
        }
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
