package dev.p2pcopy.protocol.manifest;

import java.nio.file.InvalidPathException;
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
 * and never means different files on different systems. Nothing is rewritten: a path breaking a
 * rule is refused as a whole (docs/protocol.md, section 5, lists the rules).
 */
public final class SafePaths {
    /** Longest path accepted, in UTF-8 bytes (the usual PATH_MAX). */
    public static final int MAX_PATH_BYTES = 4096;

    /** Longest segment accepted, in UTF-8 bytes (the usual file-name limit). */
    public static final int MAX_SEGMENT_BYTES = 255;

    /** Most segments a path may have: {@code a/b/c} has 3. */
    public static final int MAX_DEPTH = 64;

    /** Characters Windows does not allow in names (besides {@code \ / :} and controls). */
    private static final String WINDOWS_FORBIDDEN = "<>\"|?*";

    /**
     * Slashes that no Unicode normalisation turns into {@code /} or {@code \}, but that look like
     * one. Those that NFKC maps to a separator are caught by {@link #looksLikeSeparatorOrDot}.
     */
    private static final Set<Integer> SLASH_LOOKALIKES =
            Set.of(0x2044, 0x2215, 0x2216, 0x2571, 0x2572, 0x29F5, 0x29F8, 0x29F9);

    /** Windows device names, compared with the part of a segment before its first dot. */
    private static final Set<String> RESERVED = Set.of(
            "con",
            "prn",
            "aux",
            "nul",
            "conin$",
            "conout$",
            "com0",
            "com1",
            "com2",
            "com3",
            "com4",
            "com5",
            "com6",
            "com7",
            "com8",
            "com9",
            "com\u00b9",
            "com\u00b2",
            "com\u00b3",
            "lpt0",
            "lpt1",
            "lpt2",
            "lpt3",
            "lpt4",
            "lpt5",
            "lpt6",
            "lpt7",
            "lpt8",
            "lpt9",
            "lpt\u00b9",
            "lpt\u00b2",
            "lpt\u00b3");

    private SafePaths() {}

    /**
     * Returns {@code path} unchanged if it is safe.
     *
     * @throws UnsafePathException if it is empty, longer than {@value #MAX_PATH_BYTES} UTF-8
     *     bytes or deeper than {@value #MAX_DEPTH} segments; absolute; holds a backslash, a
     *     {@code :} (drive letters, streams), a character Windows forbids ({@code < > " | ? *}), a
     *     control character, an invisible or text-direction character (Unicode categories Cf,
     *     Zl, Zp), an unpaired surrogate, or a character that looks like a slash or a dot; has an
     *     empty, {@code .} or {@code ..} segment, a segment over {@value #MAX_SEGMENT_BYTES} UTF-8
     *     bytes, a segment ending in {@code .} or a space, or a Windows device name (CON, PRN,
     *     AUX, NUL, CONIN$, CONOUT$, COM0-9, LPT0-9, COM¹-³, LPT¹-³, with any extension)
     */
    public static String check(String path) {
        if (path == null || path.isEmpty()) {
            throw new UnsafePathException(path, "it is empty");
        }
        // Every character takes at least one UTF-8 byte: a long string is refused before it is scanned.
        if (path.length() > MAX_PATH_BYTES || utf8Length(path) > MAX_PATH_BYTES) {
            throw new UnsafePathException(path, "it is longer than " + MAX_PATH_BYTES + " bytes");
        }
        if (path.startsWith("/")) {
            throw new UnsafePathException(path, "it is absolute");
        }
        checkCharacters(path);
        String[] segments = path.split("/", -1);
        if (segments.length > MAX_DEPTH) {
            throw new UnsafePathException(path, "it is more than " + MAX_DEPTH + " levels deep");
        }
        for (String segment : segments) {
            checkSegment(path, segment);
        }
        return path;
    }

    private static void checkCharacters(String path) {
        // An NFKC-normal string holds no character with a compatibility mapping, so no look-alike of those.
        boolean nfkc = Normalizer.isNormalized(path, Normalizer.Form.NFKC);
        for (int i = 0; i < path.length(); ) {
            int c = path.codePointAt(i);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) { // codePointAt gives lone ones back
                throw new UnsafePathException(path, "it contains an unpaired surrogate, which is not valid Unicode");
            }
            if (c == '\\') {
                throw new UnsafePathException(path, "it contains a backslash");
            }
            if (c == ':') {
                throw new UnsafePathException(path, "it contains a ':' (a drive letter or stream name)");
            }
            if (WINDOWS_FORBIDDEN.indexOf(c) >= 0) {
                throw new UnsafePathException(path, "it contains '" + (char) c + "', which Windows does not allow");
            }
            if (Character.isISOControl(c)) {
                throw new UnsafePathException(path, "it contains a control character");
            }
            if (isInvisible(c)) {
                throw new UnsafePathException(
                        path, "it contains the invisible or text-direction character " + codePoint(c));
            }
            if (c >= 0x80 && (SLASH_LOOKALIKES.contains(c) || (!nfkc && looksLikeSeparatorOrDot(c)))) {
                throw new UnsafePathException(
                        path, "it contains " + codePoint(c) + ", which looks like a slash or a dot");
            }
            i += Character.charCount(c);
        }
    }

    /** Format characters (bidi controls, zero-width characters, BOM, ...) and line or paragraph separators. */
    static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * Whether {@code c}'s compatibility form (NFKC, also what "best fit" code-page conversions
     * tend to produce) holds a slash or backslash, or is a dot or two: {@code ／ ＼ ﹨ ． ․ ‥ ﹒}.
     */
    private static boolean looksLikeSeparatorOrDot(int c) {
        String compat = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC);
        return compat.indexOf('/') >= 0 || compat.indexOf('\\') >= 0 || compat.equals(".") || compat.equals("..");
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    private static void checkSegment(String path, String segment) {
        if (segment.isEmpty()) {
            throw new UnsafePathException(path, "it has an empty segment");
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw new UnsafePathException(path, "it has a '" + segment + "' segment");
        }
        if (utf8Length(segment) > MAX_SEGMENT_BYTES) {
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

    /** UTF-8 length of a string without unpaired surrogates, computed without encoding it. */
    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isSurrogate(c)) {
                bytes += 2; // a pair is one 4-byte sequence
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Resolves a path that passed {@link #check} under {@code targetDir}, segment by segment,
     * and makes sure the normalised result is inside {@code targetDir}. The result has the same
     * form as {@code targetDir.normalize()} (relative stays relative).
     *
     * @throws UnsafePathException if the path is not safe, is not a valid name on this file
     *     system, or would land outside {@code targetDir}
     */
    public static Path resolve(Path targetDir, String checkedPath) {
        check(checkedPath);
        Path base = targetDir.normalize();
        Path result = base;
        try {
            for (String segment : checkedPath.split("/")) {
                result = result.resolve(segment);
            }
        } catch (InvalidPathException e) {
            throw new UnsafePathException(checkedPath, "it is not a valid name on this system");
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
     * Refuses paths that name the same file or folder on a file system that ignores letter case
     * or Unicode normalisation (Windows, macOS by default), so that one entry cannot silently
     * overwrite or merge into another: two equal entries, and two spellings of one name, also as
     * a parent folder ({@code photos} and {@code Photos/a.jpg}). Names are compared in NFC,
     * upper- then lower-cased with {@link Locale#ROOT}, which counts more pairs as the same than
     * any one file system does ({@code ß} and {@code SS}, {@code ı} and {@code i}).
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

    /** The form in which two names that may be one file on some file system are equal. */
    static String fold(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        String folded = nfc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
    }

    private static UnsafePathException sameFile(String path, String earlier) {
        return new UnsafePathException(
                path,
                "it names the same file as " + UnsafePathException.display(earlier)
                        + " where letter case or Unicode normalisation is ignored");
    }
}
