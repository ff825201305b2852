package dev.p2pcopy.desktop.storage;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Reads back the paths a stored file keeps as text; only absolute ones are usable. */
public final class AbsolutePaths {
    private AbsolutePaths() {}

    /**
     * The absolute path written as {@code text}.
     *
     * @param text the stored text, or null
     * @return the path, or null if {@code text} is null, not a path or a relative one
     */
    public static Path parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            Path path = Path.of(text);
            return path.isAbsolute() ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
