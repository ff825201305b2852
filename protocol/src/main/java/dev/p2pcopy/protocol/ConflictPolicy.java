package dev.p2pcopy.protocol;

/** What the receiver does when a file of the same name already exists in the target folder. */
public enum ConflictPolicy {
    /** Keep both: the new one is saved as {@code name (1).ext}, {@code name (2).ext}, ... */
    RENAME,
    /** Replace the existing file. */
    OVERWRITE,
    /** Keep the existing file and skip the incoming one. */
    SKIP,
    /** Fail the transfer before anything is written. */
    FAIL
}
