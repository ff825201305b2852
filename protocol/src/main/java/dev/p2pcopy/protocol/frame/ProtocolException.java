package dev.p2pcopy.protocol.frame;

/**
 * The peer sent bytes that break protocol v1: unknown frame type, a length out of bounds, a
 * sequence gap, a malformed message. The only exception the decoders throw on bad input.
 */
public class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A violation described in one sentence. */
    public ProtocolException(String message) {
        super(message);
    }

    /** A violation found while parsing, with the parser's exception as cause. */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
