package dev.p2pcopy.protocol.chaos;

import dev.p2pcopy.protocol.TransferListener;
import dev.p2pcopy.protocol.TransferState;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** A listener that keeps every state change with its {@link System#nanoTime()}. */
final class StateLog implements TransferListener {
    /** A state and when it was entered. */
    private record Stamp(long nanos, TransferState state) {}

    private final List<Stamp> states = new ArrayList<>();
    private final Consumer<TransferState> hook;

    /** A log that only records. */
    StateLog() {
        this(state -> {});
    }

    /** A log that also runs {@code hook} on every state change, on the engine's thread. */
    StateLog(Consumer<TransferState> hook) {
        this.hook = hook;
    }

    @Override
    public void onStateChanged(TransferState state) {
        synchronized (this) {
            states.add(new Stamp(System.nanoTime(), state));
        }
        hook.accept(state);
    }

    /** How often {@code state} was entered. */
    synchronized long count(TransferState state) {
        return states.stream().filter(s -> s.state() == state).count();
    }

    /** When {@code state} was first entered at or after {@code nanos}. */
    synchronized OptionalLong firstAfter(long nanos, TransferState state) {
        return states.stream()
                .filter(s -> s.state() == state && s.nanos() - nanos >= 0)
                .mapToLong(Stamp::nanos)
                .findFirst();
    }

    /** The states as text with ms since the first, for failure messages: {@code [CONNECTING@0, ...]}. */
    @Override
    public synchronized String toString() {
        long start = states.isEmpty() ? 0 : states.get(0).nanos();
        return states.stream()
                .map(s -> s.state().name() + "@" + (s.nanos() - start) / 1_000_000)
                .toList()
                .toString();
    }
}
