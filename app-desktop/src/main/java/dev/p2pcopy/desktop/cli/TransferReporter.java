package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.protocol.TransferListener;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.TransferState;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tells a person what a transfer is doing: a short line on each state change that matters to
 * them, and the progress view while file data flows. A connection lost mid-transfer is shown in
 * that view, and the handshake that follows it is not announced again: the same view just
 * continues once data flows. One lost earlier gets a line, and another once the relay is back.
 */
final class TransferReporter implements TransferListener {
    /** What a person reads when the connection is back before any file data flowed. */
    static final String RECONNECTED = "Reconnected.";

    private final PrintStream err;
    private final Map<TransferState, String> messages;
    private final Supplier<ProgressView> views;
    private ProgressView view;
    private boolean reconnecting;

    TransferReporter(PrintStream err, Map<TransferState, String> messages, Supplier<ProgressView> views) {
        this.err = err;
        this.messages = Map.copyOf(messages);
        this.views = views;
    }

    /**
     * The sender's reporter. Waiting for the receiver is announced by the send command itself,
     * right after the code, so that the two lines never come out of order.
     */
    static TransferReporter forSender(CliEnvironment env) {
        Map<TransferState, String> messages = new EnumMap<>(TransferState.class);
        messages.put(TransferState.HANDSHAKE, "Connected.");
        messages.put(TransferState.AWAITING_ACCEPT, "Waiting for the receiver to accept...");
        return new TransferReporter(env.err(), messages, () -> ProgressView.create(env, "Sending"));
    }

    /** The receiver's reporter. */
    static TransferReporter forReceiver(CliEnvironment env) {
        Map<TransferState, String> messages = new EnumMap<>(TransferState.class);
        messages.put(TransferState.WAITING_FOR_PEER, "Waiting for the sender...");
        messages.put(TransferState.HANDSHAKE, "Connected.");
        return new TransferReporter(env.err(), messages, () -> ProgressView.create(env, "Receiving"));
    }

    @Override
    public synchronized void onStateChanged(TransferState state) {
        if (state == TransferState.RECONNECTING) {
            if (!reconnecting) { // a failed attempt in between is no news
                reconnecting = true;
                if (view != null) {
                    view.reconnecting();
                } else {
                    err.println(ProgressView.RECONNECTING);
                }
            }
            return;
        }
        if (reconnecting && view == null && !state.isTerminal()) {
            // Lost before any file data flowed: being back is the news, the state's own line follows.
            reconnecting = false;
            err.println(RECONNECTED);
        }
        if (state == TransferState.TRANSFERRING && view == null) {
            view = views.get();
        } else if (state == TransferState.TRANSFERRING && reconnecting) {
            reconnecting = false;
            view.reconnected();
        } else if (state.isTerminal() && view != null) {
            view.close();
            view = null;
        }
        String message = messages.get(state);
        if (message != null && !reconnecting) {
            err.println(message);
        }
    }

    @Override
    public synchronized void onWarning(String message) {
        err.println("Warning: " + message);
    }

    @Override
    public synchronized void onProgress(TransferProgress progress) {
        if (view != null) {
            view.show(progress);
        }
    }
}
