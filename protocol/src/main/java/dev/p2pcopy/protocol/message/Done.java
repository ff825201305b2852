package dev.p2pcopy.protocol.message;

/**
 * DONE: from the sender, every file has been sent; from the receiver, every file is committed.
 *
 * @param files files sent or committed
 * @param bytes bytes sent or committed
 */
public record Done(int files, long bytes) {
    /** Validates the fields. */
    public Done {
        Checks.require(files >= 0 && bytes >= 0, "DONE carries a negative figure.");
    }
}
