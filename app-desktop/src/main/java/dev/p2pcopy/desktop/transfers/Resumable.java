package dev.p2pcopy.desktop.transfers;

import dev.p2pcopy.protocol.FailureReason;

/** Which failures leave a transfer worth resuming: those where running it again can succeed. */
final class Resumable {
    private Resumable() {}

    static boolean after(FailureReason reason) {
        return switch (reason) {
            case RELAY_UNREACHABLE, TIMEOUT, PEER_FAILED, LOCAL_IO, CANCELLED -> true;
            // A wrong code or a busy one needs a new code (Receive again); a refusal and tampered data end it.
            case USAGE, WRONG_CODE, CODE_IN_USE, PEER_DECLINED, INTEGRITY, PROTOCOL -> false;
        };
    }
}
