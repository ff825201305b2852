package dev.p2pcopy.protocol.chaos;

/**
 * Something that happened to one proxied connection.
 *
 * @param nanos when, on the {@link System#nanoTime()} clock
 * @param kind what happened
 * @param link the connection's number, from 0 in the order the proxy accepted them
 * @param room the relay room the client asked for, or empty if the first line was no WebSocket upgrade
 * @param role the client's {@code role} query parameter, or empty
 * @param direction the direction a fault counted its offset in; BOTH for other events
 * @param bytes a fault's offset; for other events, the bytes forwarded both ways
 * @param up bytes forwarded from the client to the server when it happened
 * @param down bytes forwarded from the server to the client when it happened
 */
record ChaosEvent(
        long nanos,
        Kind kind,
        int link,
        String room,
        String role,
        Direction direction,
        long bytes,
        long up,
        long down) {

    /** Kinds of events. */
    enum Kind {
        /** The proxy connected the client to the server. */
        OPENED,
        /** An abortive cut: both sockets closed with a reset. */
        CUT,
        /** A clean cut: both sockets sent a FIN. */
        FIN,
        /** Forwarding stopped in both directions, sockets left open. */
        STALLED,
        /** A stall with a duration ended; forwarding goes on. */
        RESUMED,
        /** The connection is gone, for whatever reason. */
        CLOSED
    }

    /** Whether this event cut the connection, abortively or cleanly. */
    boolean isCut() {
        return kind == Kind.CUT || kind == Kind.FIN;
    }
}
