package dev.p2pcopy.protocol.manifest;

/**
 * A path from a manifest (or a file name about to go into one) that is not safe to create on
 * every receiver's file system. The message is one sentence naming the path, with control
 * characters escaped so that it prints safely on a terminal.
 */
public final class UnsafePathException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN = 200;

    /** The offending path, as received. */
    private final String path;

    /** Why it is refused. */
    private final String reason;

    /**
     * @param path the offending path, exactly as received (may be {@code null})
     * @param reason why it is refused, as a clause without final period, e.g. "it is absolute"
     */
    public UnsafePathException(String path, String reason) {
        super("The path " + display(path) + " is not safe: " + reason + ".");
        this.path = path;
        this.reason = reason;
    }

    /** The offending path, exactly as received (unescaped; may be {@code null}). */
    public String path() {
        return path;
    }

    /** Why the path is refused, e.g. "it is absolute". */
    public String reason() {
        return reason;
    }

    /**
     * Quotes {@code path} for a message: control, invisible and text-direction characters, lone
     * surrogates, backslashes and quotes escaped, so that the path cannot disturb a terminal or
     * a log line; long paths shortened.
     */
    static String display(String path) {
        if (path == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder("\"");
        int i = 0;
        while (i < Math.min(path.length(), MAX_SHOWN)) {
            int c = path.codePointAt(i);
            if (c == '\\' || c == '"') {
                out.append('\\').append((char) c);
            } else if (Character.isISOControl(c)
                    || SafePaths.isInvisible(c)
                    || Character.getType(c) == Character.SURROGATE) {
                for (char unit : Character.toChars(c)) {
                    out.append(String.format("\\u%04x", (int) unit));
                }
            } else {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        if (i < path.length()) {
            out.append("…");
        }
        return out.append('"').toString();
    }
}
