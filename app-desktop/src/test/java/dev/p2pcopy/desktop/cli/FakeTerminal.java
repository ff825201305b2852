package dev.p2pcopy.desktop.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/** A terminal that answers with prepared lines (null: end of input) and remembers the prompts. */
final class FakeTerminal implements Terminal {
    private final Deque<char[]> answers = new ArrayDeque<>();
    private final List<String> prompts = new ArrayList<>();
    private boolean endOfInput;

    /** A terminal where the person types {@code lines}, one per question. */
    static FakeTerminal typing(String... lines) {
        FakeTerminal terminal = new FakeTerminal();
        Arrays.stream(lines).map(String::toCharArray).forEach(terminal.answers::add);
        return terminal;
    }

    /** A terminal where the person presses Ctrl-D at the first question. */
    static FakeTerminal endOfInput() {
        FakeTerminal terminal = new FakeTerminal();
        terminal.endOfInput = true;
        return terminal;
    }

    @Override
    public synchronized char[] readPassword(String prompt) {
        prompts.add(prompt);
        if (endOfInput) {
            return null;
        }
        if (answers.isEmpty()) {
            throw new AssertionError("Asked more often than expected: " + prompts);
        }
        return answers.removeFirst();
    }

    /** The prompts shown through the no-echo read, in order. */
    synchronized List<String> prompts() {
        return List.copyOf(prompts);
    }
}
