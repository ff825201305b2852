package dev.p2pcopy.protocol.manifest;

/**
 * One file or directory offered by the sender.
 *
 * @param path relative path with {@code /} separators, as the sender names it (untrusted on
 *     the receiver until checked)
 * @param type file or directory
 * @param size content length in bytes (0 for directories)
 * @param mtimeMillis last-modified time, milliseconds since the epoch
 * @param mode POSIX permission bits, or -1 where the sender's file system has none
 */
public record ManifestEntry(String path, EntryType type, long size, long mtimeMillis, int mode) {}
