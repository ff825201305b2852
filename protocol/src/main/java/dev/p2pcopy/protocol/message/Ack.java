package dev.p2pcopy.protocol.message;

/**
 * ACK: the receiver has written and verified more data, and grants more credit.
 *
 * @param verifiedBytes total bytes written and verified so far (including resumed bytes)
 * @param filesDone files committed so far
 * @param credit additional bytes the sender may send
 */
public record Ack(long verifiedBytes, int filesDone, long credit) {
    /** Validates the fields. */
    public Ack {
        Checks.require(verifiedBytes >= 0 && filesDone >= 0 && credit >= 0, "ACK carries a negative figure.");
    }
}
