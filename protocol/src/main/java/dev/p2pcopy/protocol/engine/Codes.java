package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.code.Code;

/** Parses a code typed by a person, reporting a bad one as a usage error. */
final class Codes {
    private Codes() {}

    /** The normalised code. */
    static Code parse(String raw) {
        try {
            return Code.parse(raw);
        } catch (IllegalArgumentException e) {
            String why = e.getMessage();
            throw new TransferException(
                    FailureReason.USAGE, why == null || why.isBlank() ? "'" + raw + "' is not a valid code." : why, e);
        }
    }
}
