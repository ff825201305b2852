package dev.p2pcopy.protocol.chaos;

import java.time.Duration;

/**
 * What the proxy does to one connection: at most one cut, at most one stall, and a rate cap.
 *
 * @param cut where to cut, or null
 * @param stall where to stall, or null
 * @param bytesPerSecond the cap on each direction's rate, or 0 for none
 */
record Faults(Cut cut, Stall stall, long bytesPerSecond) {

    /** No faults: forward everything as fast as it comes. */
    static final Faults NONE = new Faults(null, null, 0);

    /** Checks the rate. */
    Faults {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond must be >= 0");
        }
    }

    /** A fault that fires once {@link #atByte()} bytes have been forwarded in {@link #direction()}. */
    sealed interface Trigger permits Cut, Stall {
        /** Which bytes the offset counts. */
        Direction direction();

        /** The offset. */
        long atByte();
    }

    /**
     * Close both sockets once {@code atByte} bytes have been forwarded in {@code direction}.
     *
     * @param abortive a reset (SO_LINGER 0), as when a network breaks; otherwise a FIN to both
     */
    record Cut(Direction direction, long atByte, boolean abortive) implements Trigger {
        /** Checks the offset. */
        Cut {
            if (atByte < 0) {
                throw new IllegalArgumentException("atByte must be >= 0");
            }
        }
    }

    /**
     * Stop forwarding in both directions, without closing, once {@code atByte} bytes have been
     * forwarded in {@code direction}: a half-open path.
     *
     * @param duration how long, or null for ever (until the proxy closes)
     */
    record Stall(Direction direction, long atByte, Duration duration) implements Trigger {
        /** Checks the offset. */
        Stall {
            if (atByte < 0) {
                throw new IllegalArgumentException("atByte must be >= 0");
            }
        }

        boolean forever() {
            return duration == null;
        }
    }

    /** An abortive cut (reset) after {@code atByte} bytes in {@code direction}. */
    static Faults cut(Direction direction, long atByte) {
        return new Faults(new Cut(direction, atByte, true), null, 0);
    }

    /** A clean cut (FIN both ways) after {@code atByte} bytes in {@code direction}. */
    static Faults fin(Direction direction, long atByte) {
        return new Faults(new Cut(direction, atByte, false), null, 0);
    }

    /** A stall after {@code atByte} bytes in {@code direction}, for {@code duration} (null: for ever). */
    static Faults stall(Direction direction, long atByte, Duration duration) {
        return new Faults(null, new Stall(direction, atByte, duration), 0);
    }

    /** Only a rate cap of {@code bytesPerSecond} in each direction. */
    static Faults throttle(long bytesPerSecond) {
        return new Faults(null, null, bytesPerSecond);
    }

    /** These faults with a rate cap of {@code bytesPerSecond} in each direction. */
    Faults withThrottle(long bytesPerSecond) {
        return new Faults(cut, stall, bytesPerSecond);
    }

    /** How many cuts and stalls these are (a rate cap is no fault). */
    int count() {
        return (cut == null ? 0 : 1) + (stall == null ? 0 : 1);
    }
}
