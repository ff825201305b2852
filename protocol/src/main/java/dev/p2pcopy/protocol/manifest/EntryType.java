package dev.p2pcopy.protocol.manifest;

/** Kind of a manifest entry. */
public enum EntryType {
    /** A regular file with content. */
    FILE,
    /** A directory; listed so that empty directories are recreated. */
    DIR
}
