package dev.p2pcopy.protocol.message;

import java.util.List;

/**
 * ACCEPT: the receiver's answer to the manifest.
 *
 * @param accepted whether the receiver takes the files
 * @param reason why it declined, for the sender's user (null when accepted)
 * @param resumeOffsets for each manifest entry, the verified byte offset the receiver already
 *     has (0 for new files; empty when declined)
 * @param credit bytes of file data the sender may have in flight from now on
 */
public record Accept(boolean accepted, String reason, List<Long> resumeOffsets, long credit) {
    /** Validates the fields. */
    public Accept {
        Checks.require(resumeOffsets != null, "ACCEPT has no resume offsets.");
        resumeOffsets = List.copyOf(resumeOffsets);
        Checks.require(resumeOffsets.stream().allMatch(o -> o >= 0), "ACCEPT has a negative resume offset.");
        Checks.require(credit >= 0, "ACCEPT grants a negative credit.");
        Checks.require(accepted || reason != null, "A declining ACCEPT gives no reason.");
    }

    /** An acceptance. */
    public static Accept yes(List<Long> resumeOffsets, long credit) {
        return new Accept(true, null, resumeOffsets, credit);
    }

    /** A refusal. */
    public static Accept no(String reason) {
        return new Accept(false, reason, List.of(), 0);
    }
}
