package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.protocol.FailureReason;
import java.util.LinkedHashMap;
import java.util.Map;

/** The CLI's exit codes: the one table that the help footer and docs/cli.md show. */
public final class ExitCodes {
    /** The transfer (or command) succeeded. */
    public static final int OK = 0;
    /** Something unexpected went wrong; a bug, or a failure with no better code. */
    public static final int UNEXPECTED = 1;
    /** Wrong flags or arguments. */
    public static final int USAGE = 2;
    /** The relay could not be reached or used. */
    public static final int RELAY_UNREACHABLE = 3;
    /** The receiver declined the offer (on both sides). */
    public static final int DECLINED = 4;
    /** Data did not match its checksum. */
    public static final int INTEGRITY = 5;
    /** The other side failed or disconnected. */
    public static final int PEER_FAILED = 6;
    /** Waiting for the other side timed out. */
    public static final int TIMEOUT = 7;
    /** A local file could not be read or written. */
    public static final int LOCAL_IO = 8;
    /** The chosen code is already in use on the relay. */
    public static final int CODE_IN_USE = 9;
    /** The other side broke the protocol. */
    public static final int PROTOCOL = 10;
    /** The two sides used different codes. */
    public static final int WRONG_CODE = 11;
    /** Cancelled, e.g. by Ctrl-C. */
    public static final int CANCELLED = 130;

    private ExitCodes() {}

    /** The exit code for a transfer that failed for {@code reason}. */
    public static int of(FailureReason reason) {
        return switch (reason) {
            case USAGE -> USAGE;
            case RELAY_UNREACHABLE -> RELAY_UNREACHABLE;
            case CODE_IN_USE -> CODE_IN_USE;
            case TIMEOUT -> TIMEOUT;
            case PEER_DECLINED -> DECLINED;
            case PEER_FAILED -> PEER_FAILED;
            case INTEGRITY -> INTEGRITY;
            case PROTOCOL -> PROTOCOL;
            case LOCAL_IO -> LOCAL_IO;
            case WRONG_CODE -> WRONG_CODE;
            case CANCELLED -> CANCELLED;
        };
    }

    /** Every code with its meaning, in ascending order, as the help footer lists them. */
    public static Map<String, String> descriptions() {
        Map<String, String> table = new LinkedHashMap<>();
        table.put(Integer.toString(OK), "success");
        table.put(Integer.toString(UNEXPECTED), "unexpected error");
        table.put(Integer.toString(USAGE), "usage error (wrong flags or arguments)");
        table.put(Integer.toString(RELAY_UNREACHABLE), "relay unreachable or unusable");
        table.put(Integer.toString(DECLINED), "declined by the receiver (both sides)");
        table.put(Integer.toString(INTEGRITY), "integrity failure (data did not match its checksum)");
        table.put(Integer.toString(PEER_FAILED), "the other side failed or disconnected");
        table.put(Integer.toString(TIMEOUT), "timed out waiting for the other side");
        table.put(Integer.toString(LOCAL_IO), "local file error (missing file, permission, disk full)");
        table.put(Integer.toString(CODE_IN_USE), "code already in use on the relay");
        table.put(Integer.toString(PROTOCOL), "protocol error (the other side sent something invalid)");
        table.put(Integer.toString(WRONG_CODE), "the code does not match (the sides typed different codes)");
        table.put(Integer.toString(CANCELLED), "cancelled (Ctrl-C)");
        return table;
    }
}
