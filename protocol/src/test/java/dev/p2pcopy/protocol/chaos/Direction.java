package dev.p2pcopy.protocol.chaos;

/** Which bytes of a proxied connection a fault counts. */
enum Direction {
    /** From the client to the server (towards the relay). */
    UP,
    /** From the server to the client. */
    DOWN,
    /** Both directions added together. */
    BOTH;

    /** Whether bytes flowing in {@code flow} (UP or DOWN) count towards this direction. */
    boolean counts(Direction flow) {
        return this == BOTH || this == flow;
    }
}
