package dev.p2pcopy.desktop.cli;

import java.io.Console;

/** The terminal a person types on, for secrets that must not be echoed or passed as arguments. */
@FunctionalInterface
public interface Terminal {

    /**
     * Shows {@code prompt} and reads one line without echoing it.
     *
     * @param prompt the question, shown as it is
     * @return what was typed, without the line end; null at the end of input
     */
    char[] readPassword(String prompt);

    /**
     * The JVM's console as a terminal.
     *
     * @param console the console, or null when the JVM has none
     * @return the terminal, or null when there is no console
     */
    static Terminal of(Console console) {
        return console == null ? null : prompt -> console.readPassword("%s", prompt);
    }
}
