package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.protocol.TransferProgress;

/** Shows the progress of file data on stderr while a transfer runs. */
interface ProgressView {
    /** What a person reads while the connection is down. */
    String RECONNECTING = "Connection lost; reconnecting...";
    /** The same on the bar, short enough to fit beside it on an 80-column terminal. */
    String RECONNECTING_SHORT = "reconnecting...";
    /** What a person reads once data flows again. */
    String RECONNECTED = "Reconnected; continuing where it stopped.";

    /** New figures; called from the engine's threads, serialised by the caller. */
    void show(TransferProgress progress);

    /** The connection was lost: say so, and keep the figures so far until data flows again. */
    void reconnecting();

    /** Data flows again after {@link #reconnecting()}: continue the same display, nothing starts over. */
    void reconnected();

    /** The transfer has ended: finish the display so that the next line starts clean. */
    void close();

    /** A live bar on a terminal, plain lines every few seconds otherwise (logs, pipes, CI). */
    static ProgressView create(CliEnvironment env, String task) {
        return env.interactive() ? new BarProgress(env.err(), task) : new PlainProgress(env.err(), System::nanoTime);
    }
}
