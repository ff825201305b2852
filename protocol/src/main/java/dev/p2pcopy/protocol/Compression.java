package dev.p2pcopy.protocol;

/** How the sender compresses file data. */
public enum Compression {
    /** zstd where it pays off: chunks that do not shrink travel as they are. */
    AUTO,
    /** Always zstd. */
    ZSTD,
    /** Never compress. */
    NONE
}
