package dev.p2pcopy.protocol.crypto;

/** The PAKE's key confirmation failed: the two sides used different codes. */
public final class CodeMismatchException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CodeMismatchException() {
        super("The code does not match.");
    }
}
