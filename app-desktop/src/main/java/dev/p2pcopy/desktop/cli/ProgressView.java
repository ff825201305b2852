package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.protocol.TransferProgress;

/** Shows the progress of file data on stderr while a transfer runs. */
interface ProgressView {

    /** New figures; called from the engine's threads, serialised by the caller. */
    void show(TransferProgress progress);

    /** The transfer has ended: finish the display so that the next line starts clean. */
    void close();

    /** A live bar on a terminal, plain lines every few seconds otherwise (logs, pipes, CI). */
    static ProgressView create(CliEnvironment env, String task) {
        return env.interactive() ? new BarProgress(env.err(), task) : new PlainProgress(env.err(), System::nanoTime);
    }
}
