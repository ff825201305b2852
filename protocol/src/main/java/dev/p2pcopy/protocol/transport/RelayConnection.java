package dev.p2pcopy.protocol.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * One peer's WebSocket to one room on the relay. Opened by {@link RelayClient#connect}; {@link
 * #joined()} completes when the relay has let us in, then {@link RelayListener} hears the rest.
 */
public final class RelayConnection {
    /**
     * OkHttp closes the socket when a send would push its queue past 16 MiB. Sends wait while
     * the queue is above this mark, so that a frame of up to 8 MiB always fits, with room left
     * for an urgent ERROR.
     */
    static final long QUEUE_HIGH_WATER = 8L * 1024 * 1024 - 64 * 1024;

    /** Largest frame {@link #sendUrgent} takes; ERROR frames are far smaller. */
    static final int MAX_URGENT_BYTES = 16 * 1024;

    /** How long a send waits for OkHttp's queue to move at all before giving up on the relay. */
    private static final long STALL_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(2);

    private static final long PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI relay;
    private final RelayListener listener;
    private final CompletableFuture<Boolean> joined = new CompletableFuture<>();
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile WebSocket socket;
    private volatile boolean opened;
    private volatile boolean ended;
    private volatile boolean closedHere;
    private volatile boolean abandonWaits;

    RelayConnection(URI relay, RelayListener listener) {
        this.relay = relay;
        this.listener = listener;
    }

    void attach(WebSocket socket) {
        this.socket = socket;
    }

    WebSocketListener callbacks() {
        return new Callbacks();
    }

    /**
     * Completes when the relay has let this peer into the room: {@code false} if it waits for
     * the other role, {@code true} if it was paired at once. Fails with a {@link
     * TransferException} if the relay cannot be reached or refuses.
     */
    public CompletableFuture<Boolean> joined() {
        return joined;
    }

    /**
     * Sends bytes {@code [0, length)} of {@code frame} as one binary message. Waits while
     * OkHttp's queue is above {@link #QUEUE_HIGH_WATER}; the frame is copied, so the array may
     * be reused once this returns.
     *
     * @throws TransferException if the connection is gone, or the relay has not taken any data
     *     for two minutes
     */
    public void send(byte[] frame, int length) {
        WebSocket ws = socket;
        long queued = ws.queueSize();
        long deadline = System.nanoTime() + STALL_LIMIT_NANOS;
        while (queued > QUEUE_HIGH_WATER) {
            if (ended || closedHere || abandonWaits) {
                throw lost();
            }
            LockSupport.parkNanos(PARK_NANOS);
            long now = ws.queueSize();
            if (now != queued) {
                queued = now;
                deadline = System.nanoTime() + STALL_LIMIT_NANOS; // still moving, however slowly
            } else if (System.nanoTime() - deadline > 0) {
                throw new TransferException(
                        FailureReason.RELAY_UNREACHABLE, "The relay stopped taking data for two minutes.");
            }
        }
        if (ended || closedHere || !ws.send(ByteString.of(frame, 0, length))) {
            throw lost();
        }
    }

    /**
     * Sends a small frame without waiting for OkHttp's queue to drain: for an ERROR while the
     * session is failing. The high-water mark leaves room for it.
     *
     * @throws TransferException if the connection is gone
     * @throws IllegalArgumentException if the frame is larger than {@value #MAX_URGENT_BYTES}
     */
    public void sendUrgent(byte[] frame, int length) {
        if (length > MAX_URGENT_BYTES) {
            throw new IllegalArgumentException("urgent frames are small; got " + length + " bytes");
        }
        if (ended || !socket.send(ByteString.of(frame, 0, length))) {
            throw lost();
        }
    }

    /**
     * Makes sends that wait for the queue to drain give up at once, so that a failing session
     * can still send its ERROR without waiting behind a stalled send.
     */
    public void abandonWaits() {
        abandonWaits = true;
    }

    /**
     * Closes the connection after the messages already queued; nothing more is reported to the
     * listener. Safe to call more than once.
     */
    public void close(int code, String reason) {
        closedHere = true;
        joined.completeExceptionally(
                new TransferException(FailureReason.RELAY_UNREACHABLE, "The connection to the relay was closed."));
        WebSocket ws = socket;
        if (ws != null) {
            ws.close(code, reason);
        }
    }

    private static TransferException lost() {
        return new TransferException(FailureReason.RELAY_UNREACHABLE, "The connection to the relay was lost.");
    }

    private void report(TransferException failure) {
        ended = true;
        if (closedHere || !reported.compareAndSet(false, true)) {
            return;
        }
        if (!joined.completeExceptionally(failure)) {
            listener.onClosed(failure);
        }
    }

    private void onNotice(String text) {
        String event;
        try {
            JsonNode node = JSON.readTree(text);
            event = node == null ? "" : node.path(RelayEndpoint.EVENT_FIELD).asText("");
        } catch (IOException e) {
            return; // not a notice this version knows; the relay's binary stream is unaffected
        }
        switch (event) {
            case RelayEndpoint.EVENT_WAITING -> joined.complete(false);
            case RelayEndpoint.EVENT_PAIRED -> {
                joined.complete(true);
                if (!closedHere) {
                    listener.onPaired();
                }
            }
            case RelayEndpoint.EVENT_PEER_LEFT -> {
                if (!closedHere) {
                    listener.onPeerLeft();
                }
            }
            default -> {
                // Notices added by later relays are ignored.
            }
        }
    }

    private final class Callbacks extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened = true;
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            onNotice(text);
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            if (!closedHere) {
                listener.onFrame(bytes.asByteBuffer());
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(RelayEndpoint.CLOSE_NORMAL, null);
            report(RelayFailures.forClose(code, reason));
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            report(RelayFailures.forClose(code, reason));
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            report(RelayFailures.forFailure(relay, t, response, opened));
        }
    }
}
