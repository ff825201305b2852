package dev.p2pcopy.desktop.transfers;

import dev.p2pcopy.protocol.FailureReason;

/** The "Show details" text of a failure: its category and the chain of causes. */
final class Details {
    private Details() {}

    static String of(FailureReason reason, Throwable error) {
        StringBuilder text = new StringBuilder("Reason: ").append(reason);
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append('\n').append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.toString();
    }
}
