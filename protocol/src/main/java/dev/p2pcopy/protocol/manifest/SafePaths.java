package dev.p2pcopy.protocol.manifest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks relative paths that come from a manifest, which a receiver must treat as hostile, and
 * resolves them under the target directory.
 *
 * <p>A safe path is relative, uses {@code /} between segments and could be created unchanged on
 * Linux, macOS and Windows alike, so that a transfer never writes outside the target directory
 * and never means different files on different systems.
 */
public final class SafePaths {
    /** Longest path accepted, in characters. */
    public static final int MAX_PATH_LENGTH = 4096;

    /** Longest segment accepted, in UTF-8 bytes (the usual file-name limit). */
    public static final int MAX_SEGMENT_BYTES = 255;

    private static final Set<String> RESERVED = Set.of(
            "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1",
            "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private SafePaths() {}

    /**
     * Returns {@code path} unchanged if it is safe.
     *
     * @throws UnsafePathException if it is empty, longer than {@value #MAX_PATH_LENGTH}
     *     characters, absolute, or holds a backslash, a {@code :} (drive letters, streams), a
     *     control character, an empty, {@code .} or {@code ..} segment, a segment over
     *     {@value #MAX_SEGMENT_BYTES} UTF-8 bytes, a segment ending in {@code .} or a space, or a
     *     Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension)
     */
    public static String check(String path) {
        if (path == null || path.isEmpty()) {
            throw new UnsafePathException(path, "it is empty");
        }
        if (path.length() > MAX_PATH_LENGTH) {
            throw new UnsafePathException(path, "it is longer than " + MAX_PATH_LENGTH + " characters");
        }
        if (path.startsWith("/")) {
            throw new UnsafePathException(path, "it is absolute");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\') {
                throw new UnsafePathException(path, "it contains a backslash");
            }
            if (c == ':') {
                throw new UnsafePathException(path, "it contains a ':' (a drive letter or stream name)");
            }
            if (Character.isISOControl(c)) {
                throw new UnsafePathException(path, "it contains a control character");
            }
        }
        for (String segment : path.split("/", -1)) {
            checkSegment(path, segment);
        }
        return path;
    }

    private static void checkSegment(String path, String segment) {
        if (segment.isEmpty()) {
            throw new UnsafePathException(path, "it has an empty segment");
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw new UnsafePathException(path, "it has a '" + segment + "' segment");
        }
        if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            throw new UnsafePathException(path, "a segment is longer than " + MAX_SEGMENT_BYTES + " bytes");
        }
        if (segment.endsWith(".") || segment.endsWith(" ")) {
            throw new UnsafePathException(path, "a segment ends in a dot or a space");
        }
        int dot = segment.indexOf('.');
        String stem = (dot < 0 ? segment : segment.substring(0, dot)).stripTrailing();
        if (RESERVED.contains(stem.toLowerCase(Locale.ROOT))) {
            throw new UnsafePathException(path, "'" + stem + "' is a reserved device name on Windows");
        }
    }

    /**
     * Resolves a path that passed {@link #check} under {@code targetDir}, segment by segment,
     * and makes sure the normalised result is inside {@code targetDir}. The result has the same
     * form as {@code targetDir.normalize()} (relative stays relative).
     *
     * @throws UnsafePathException if the path is not safe or would land outside {@code targetDir}
     */
    public static Path resolve(Path targetDir, String checkedPath) {
        check(checkedPath);
        Path base = targetDir.normalize();
        Path result = base;
        for (String segment : checkedPath.split("/")) {
            result = result.resolve(segment);
        }
        result = result.normalize();
        requireInside(base.toAbsolutePath(), result.toAbsolutePath(), checkedPath);
        return result;
    }

    /** Last line of defence should a file system interpret a checked segment in a surprising way. */
    static void requireInside(Path absoluteBase, Path absoluteResult, String path) {
        if (!absoluteResult.startsWith(absoluteBase) || absoluteResult.equals(absoluteBase)) {
            throw new UnsafePathException(path, "it resolves outside the target directory");
        }
    }

    /**
     * Refuses paths that name the same file or folder on a case-insensitive file system
     * (Windows, macOS by default), so that one entry cannot silently overwrite or merge into
     * another: two equal entries, and two spellings of one name, also as a parent folder
     * ({@code photos} and {@code Photos/a.jpg}). Names are compared after Unicode NFC
     * normalisation and lower-casing with {@link Locale#ROOT}.
     *
     * @throws UnsafePathException naming the later path of the first such pair
     */
    public static void checkNoCaseCollisions(List<String> paths) {
        Map<String, String> spellings = new HashMap<>();
        Set<String> entries = new HashSet<>();
        for (String path : paths) {
            if (!entries.add(fold(path))) {
                throw sameFile(path, spellings.get(fold(path)));
            }
            for (int end = path.indexOf('/'); ; end = path.indexOf('/', end + 1)) {
                String name = end < 0 ? path : path.substring(0, end);
                String earlier = spellings.putIfAbsent(fold(name), name);
                if (earlier != null && !earlier.equals(name)) {
                    throw sameFile(path, earlier);
                }
                if (end < 0) {
                    break;
                }
            }
        }
    }

    private static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static UnsafePathException sameFile(String path, String earlier) {
        return new UnsafePathException(
                path,
                "it names the same file as " + UnsafePathException.display(earlier) + " where letter case is ignored");
    }
}
