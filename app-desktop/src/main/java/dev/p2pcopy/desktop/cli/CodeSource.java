package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import java.util.Arrays;

/**
 * Where a code comes from. Arguments of a running process are readable by every user of the
 * machine ({@code ps}, {@code /proc/PID/cmdline}), so besides the command line a code can come
 * from the {@value #VARIABLE} environment variable (readable only by its owner) or be typed on
 * the terminal without echo. The code itself is never printed here.
 */
final class CodeSource {
    /** Environment variable holding the code, so that it never appears on a command line. */
    static final String VARIABLE = "P2P_COPY_CODE";
    /** The question on the terminal. */
    static final String PROMPT = "Enter the code: ";

    private final CliEnvironment env;

    CodeSource(CliEnvironment env) {
        this.env = env;
    }

    /**
     * The receiver's code: the argument if there is one (with a warning), else {@value #VARIABLE},
     * else typed on the terminal.
     *
     * @param argument the CODE argument, or null
     * @throws TransferException with {@link FailureReason#USAGE} when there is no code anywhere
     */
    String forReceive(String argument) {
        if (argument != null) {
            warnVisible("leave CODE out to be asked for it");
            return argument;
        }
        return fromEnvironmentOrTerminal();
    }

    /**
     * The sender's chosen code, or null to have one generated: the value of {@code --code} (with a
     * warning); for {@code --code} without a value, {@value #VARIABLE} or else the terminal;
     * without {@code --code}, {@value #VARIABLE} if set.
     *
     * @param option the value of {@code --code}: null if absent, empty if given without a value
     * @throws TransferException with {@link FailureReason#USAGE} when {@code --code} has no value
     *     and there is no code anywhere else
     */
    String forSend(String option) {
        if (option == null) {
            return env.variable(VARIABLE);
        }
        if (option.isEmpty()) {
            return fromEnvironmentOrTerminal();
        }
        warnVisible("give --code without a value to be asked for it");
        return option;
    }

    private String fromEnvironmentOrTerminal() {
        String fromEnvironment = env.variable(VARIABLE);
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        if (env.terminal() == null) {
            throw new TransferException(
                    FailureReason.USAGE,
                    "No code was given: set " + VARIABLE + " or run the command in a terminal to be asked for it.");
        }
        char[] typed = env.terminal().readPassword(PROMPT);
        if (typed == null) {
            throw new TransferException(FailureReason.USAGE, "No code was entered.");
        }
        try {
            return new String(typed);
        } finally {
            // The string stays until collected; at least the buffer does not linger.
            Arrays.fill(typed, '\0');
        }
    }

    private void warnVisible(String alternative) {
        env.err()
                .println("Warning: a code on the command line can be seen by other users of this computer in the"
                        + " process list; set " + VARIABLE + " instead, or " + alternative + ".");
    }
}
