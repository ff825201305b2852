package dev.p2pcopy.protocol.frame;

/**
 * Frames were altered, injected, dropped, replayed or reordered in transit: a sealed frame did
 * not authenticate, a frame that must be sealed arrived in clear, or a sequence number is off.
 */
public final class IntegrityException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    /** A violation described in one sentence that names its cause. */
    public IntegrityException(String message) {
        super(message);
    }

    /** A violation with the failure that revealed it. */
    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
