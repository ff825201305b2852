package dev.p2pcopy.protocol;

/**
 * A transfer failed. {@link #getMessage()} is one sentence meant for a person; {@link
 * #reason()} is for programs.
 */
public class TransferException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final FailureReason reason;

    /** A failure with a person-readable message. */
    public TransferException(FailureReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A failure with a person-readable message and the underlying cause. */
    public TransferException(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why the transfer failed. */
    public FailureReason reason() {
        return reason;
    }
}
