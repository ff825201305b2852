package dev.p2pcopy.protocol.message;

/** Field validation shared by the message records. */
final class Checks {
    private Checks() {}

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
