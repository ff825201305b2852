package dev.p2pcopy.desktop.send;

/**
 * What one chosen file or folder holds, as far as it has been counted.
 *
 * @param folder whether the path is a folder
 * @param files regular files counted so far (1 for a file)
 * @param bytes their total size so far
 * @param complete whether counting has finished
 */
public record PathSize(boolean folder, long files, long bytes, boolean complete) {
    /** Nothing counted yet. */
    public static PathSize counting(boolean folder) {
        return new PathSize(folder, 0, 0, false);
    }
}
