package dev.p2pcopy.protocol.resume;

/**
 * The names p2p-copy gives its own files in a download folder: partial files, their journals
 * and the marker of a folder being written. An offer may not contain them (a file of such a
 * name would be mistaken for, or overwrite, the state of a transfer), and a sender leaves them
 * out when it scans a folder that holds an unfinished download.
 */
public final class ReservedNames {
    /** Suffix of the hidden partial file beside each file being received. */
    public static final String PART_SUFFIX = ".p2p-copy-part";

    private ReservedNames() {}

    /** Whether {@code fileName} (one path element) is one of p2p-copy's own. */
    public static boolean isReserved(String fileName) {
        return fileName.endsWith(PART_SUFFIX)
                || fileName.endsWith(Journal.SUFFIX)
                || fileName.equals(FolderMarker.NAME);
    }
}
