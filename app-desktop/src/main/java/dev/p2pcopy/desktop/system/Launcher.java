package dev.p2pcopy.desktop.system;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;

/** Starts an operating-system command; tests replace it to run a harmless one instead. */
@FunctionalInterface
interface Launcher {

    /** Starts commands as they are, with output discarded and errors readable. */
    Launcher SYSTEM = command -> new ProcessBuilder(command)
            .redirectOutput(Redirect.DISCARD)
            .redirectError(Redirect.PIPE)
            .start();

    /**
     * Starts {@code command}.
     *
     * @throws IOException when the program cannot be found or started
     */
    Process start(List<String> command) throws IOException;
}
