package dev.p2pcopy.desktop.system;

/**
 * Keeps the computer from sleeping while held, through the operating system's own mechanism.
 * A hold that cannot be taken (no mechanism on this system) holds nothing and says so once in
 * the log; it never fails a transfer.
 */
public interface KeepAwake {

    /** Holds nothing: for tests and when the setting is off. */
    KeepAwake NONE = reason -> () -> {};

    /**
     * Starts keeping the computer awake until the returned hold is closed.
     *
     * @param reason shown by the operating system where it lists who blocks sleep
     */
    Hold hold(String reason);

    /** One request to stay awake; closing it twice is harmless. */
    interface Hold extends AutoCloseable {
        /** Lets the computer sleep again (as far as this hold is concerned). */
        @Override
        void close();
    }
}
