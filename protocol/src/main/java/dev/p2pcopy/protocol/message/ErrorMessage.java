package dev.p2pcopy.protocol.message;

/**
 * ERROR: the sending peer gives up; the session ends.
 *
 * @param reason a {@link dev.p2pcopy.protocol.FailureReason} name, as seen by the sending peer
 * @param message one sentence for the other side's user
 */
public record ErrorMessage(String reason, String message) {
    /** Validates the fields. */
    public ErrorMessage {
        Checks.require(reason != null && message != null, "ERROR lacks a reason or message.");
    }
}
