package dev.p2pcopy.protocol.message;

import java.util.List;

/**
 * ACCEPT: the receiver's answer to the manifest.
 *
 * @param accepted whether the receiver takes the files
 * @param reason why it declined, for the sender's user (null when accepted)
 * @param resumeOffsets for each manifest entry, the verified byte offset the receiver already
 *     has (0 for new files; empty when declined)
 * @param complete indices of the manifest entries the receiver already has whole (committed
 *     earlier in this transfer, or kept by its conflict policy): the sender sends neither data
 *     nor FILE_END for them
 * @param credit bytes of file data the sender may have in flight from now on
 */
public record Accept(boolean accepted, String reason, List<Long> resumeOffsets, List<Integer> complete, long credit) {
    /** Validates the fields. */
    public Accept {
        Checks.require(resumeOffsets != null, "ACCEPT has no resume offsets.");
        resumeOffsets = List.copyOf(resumeOffsets);
        Checks.require(resumeOffsets.stream().allMatch(o -> o >= 0), "ACCEPT has a negative resume offset.");
        complete = complete == null ? List.of() : List.copyOf(complete);
        int entries = resumeOffsets.size();
        Checks.require(
                complete.stream().allMatch(i -> i >= 0 && i < entries),
                "ACCEPT marks an entry complete that the manifest does not have.");
        Checks.require(credit >= 0, "ACCEPT grants a negative credit.");
        Checks.require(accepted || reason != null, "A declining ACCEPT gives no reason.");
    }

    /** An acceptance with nothing complete yet. */
    public static Accept yes(List<Long> resumeOffsets, long credit) {
        return yes(resumeOffsets, List.of(), credit);
    }

    /** An acceptance. */
    public static Accept yes(List<Long> resumeOffsets, List<Integer> complete, long credit) {
        return new Accept(true, null, resumeOffsets, complete, credit);
    }

    /** A refusal. */
    public static Accept no(String reason) {
        return new Accept(false, reason, List.of(), List.of(), 0);
    }
}
