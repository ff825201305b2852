package dev.p2pcopy.protocol;

/** Why a transfer failed; each maps to one documented exit code of the CLI. */
public enum FailureReason {
    /** Bad options or arguments given by the caller. */
    USAGE,
    /** The relay could not be reached, refused the connection, or closed it unexpectedly. */
    RELAY_UNREACHABLE,
    /** The other side used a different code: the key exchange failed. */
    WRONG_CODE,
    /** The chosen code's room already has a sender. */
    CODE_IN_USE,
    /** The relay gave up waiting for the other side. */
    TIMEOUT,
    /** The receiver declined the offer. */
    PEER_DECLINED,
    /** The other side disconnected or reported an error. */
    PEER_FAILED,
    /** Data did not match its checksum, or frames were altered in flight. */
    INTEGRITY,
    /** The peer sent something that breaks the protocol, including unsafe paths. */
    PROTOCOL,
    /** A local file could not be read or written (missing file, permissions, disk full). */
    LOCAL_IO,
    /** The transfer was cancelled on this side. */
    CANCELLED
}
