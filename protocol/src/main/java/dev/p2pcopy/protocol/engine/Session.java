package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.NodeStatsSource;
import dev.p2pcopy.protocol.ReconnectPolicy;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.TransferResult;
import dev.p2pcopy.protocol.TransferState;
import dev.p2pcopy.protocol.code.Code;
import dev.p2pcopy.protocol.crypto.CodeMismatchException;
import dev.p2pcopy.protocol.crypto.CryptoWarmup;
import dev.p2pcopy.protocol.crypto.FrameCipher;
import dev.p2pcopy.protocol.crypto.HashMac;
import dev.p2pcopy.protocol.crypto.Pake;
import dev.p2pcopy.protocol.crypto.SessionKeys;
import dev.p2pcopy.protocol.crypto.Transcript;
import dev.p2pcopy.protocol.frame.DataCodec;
import dev.p2pcopy.protocol.frame.EncodedFrame;
import dev.p2pcopy.protocol.frame.Frame;
import dev.p2pcopy.protocol.frame.FrameType;
import dev.p2pcopy.protocol.frame.IntegrityException;
import dev.p2pcopy.protocol.frame.ProtocolException;
import dev.p2pcopy.protocol.message.ControlCodec;
import dev.p2pcopy.protocol.message.ErrorMessage;
import dev.p2pcopy.protocol.message.Hello;
import dev.p2pcopy.protocol.message.Pake1;
import dev.p2pcopy.protocol.message.Pake2;
import dev.p2pcopy.protocol.message.Pake3;
import dev.p2pcopy.protocol.message.Stats;
import dev.p2pcopy.protocol.transport.RelayClient;
import dev.p2pcopy.protocol.transport.RelayConnection;
import dev.p2pcopy.protocol.transport.RelayEndpoint;
import dev.p2pcopy.protocol.transport.RelayListener;
import dev.p2pcopy.protocol.transport.Role;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a sender and a receiver session share: the relay connection, framing in both
 * directions, an inbox of decoded messages for the session's own thread, failure handling, and
 * reconnection. The session thread runs {@link #execute()} from start to end and is the only one
 * that sends, apart from STATS (below); the connection's I/O thread decodes frames and hands them over, tagged with the
 * pairing ({@link Round}) they belong to.
 *
 * <p>The first failure wins, from whichever thread: it wakes the session thread, which tells
 * the peer when the failure is ours, closes the connection, cleans up and then completes the
 * result. A lost connection is not a failure while {@link #reconnectable()}: the session thread
 * sees a {@link ConnectionLost}, and {@link #recover} rejoins the room and waits for the peer.
 *
 * <p>With a {@link NodeStatsSource}, a {@link StatsReporter} also sends STATS from its own
 * thread while a pairing is secured; incoming STATS go straight to the listener and never
 * reach the session thread's inbox, so they cannot disturb its state machine.
 */
abstract class Session {
    /** Protocol version spoken. */
    static final int VERSION = 1;
    /** Codec names a peer can decode, as listed in HELLO. */
    static final List<String> CODECS = List.of("none", "zstd");

    private static final Object PAIRED = new Object();
    private static final Object WAKE = new Object();

    final TransferHandle handle;
    final ProgressMeter meter;
    final ReconnectPolicy policy;
    private final URI relay;
    private final Role role;
    private final RelayClient client;
    private final BlockingQueue<Envelope> inbox = new LinkedBlockingQueue<>();
    private final AtomicReference<TransferException> failure = new AtomicReference<>();
    private final CompletableFuture<Void> aborted = new CompletableFuture<>();
    private final ReentrantLock sendLock = new ReentrantLock();
    private final StatsReporter stats;
    private volatile Link link;
    /** The pairing the session thread works in; null before the first and while reconnecting. */
    private volatile Round active;
    /** An envelope {@link #take} returns before the inbox's next (session thread only). */
    private Envelope pushedBack;
    /** The pairing whose frames the I/O thread is dispatching right now (I/O thread only). */
    private Round dispatching;

    private volatile boolean reconnectable;
    private volatile boolean everPaired;
    private volatile boolean settled;
    private volatile boolean tellPeer;
    private long pairedAtNanos;
    private long outageSinceNanos;
    private Hello ourHello;
    private HashMac hashMac;

    Session(
            URI relay,
            Path trustedCertificate,
            ReconnectPolicy policy,
            Role role,
            TransferHandle handle,
            ProgressMeter meter,
            NodeStatsSource statsSource) {
        this.relay = relay;
        this.client = RelayClient.create(trustedCertificate);
        this.policy = policy;
        this.role = role;
        this.handle = handle;
        this.meter = meter;
        this.stats = new StatsReporter(
                statsSource,
                () -> meter.snapshot().bytesPerSecond(),
                StatsReporter.INTERVAL,
                "p2p-copy-stats-" + role.wireName());
        handle.onCancel(
                () -> fail(new TransferException(FailureReason.CANCELLED, "The transfer was cancelled."), true));
    }

    /** Runs the session on its own thread and returns. */
    final void start() {
        CryptoWarmup.startOnce();
        Thread thread = new Thread(this::run, "p2p-copy-" + role.wireName());
        thread.start();
    }

    /** The whole session, from connecting to the last frame; throws on failure. */
    abstract TransferResult execute();

    /** A frame from the peer other than the handshake's and ERROR, on the connection's I/O thread. */
    abstract void onPeerFrame(Frame frame) throws ProtocolException;

    /** Releases what the session holds; called once at the end, before the result completes. */
    abstract void cleanup();

    /** A failure was recorded: wake whatever the session thread may be waiting on. */
    void onFailure(TransferException failure) {}

    /** The connection of the current pairing was lost: wake whatever the session thread may be waiting on. */
    void onLost(ConnectionLost lost) {}

    private void run() {
        TransferResult result = null;
        TransferException thrown = null;
        try {
            handle.enter(TransferState.CONNECTING);
            result = execute();
        } catch (ConnectionLost e) {
            thrown = e.failure();
        } catch (TransferException e) {
            thrown = e;
        } catch (RuntimeException | Error e) {
            thrown = new TransferException(FailureReason.LOCAL_IO, "Unexpected error: " + e + ".", e);
        } finally {
            stats.close();
            if (thrown != null) {
                fail(thrown, true);
            }
            settled = true;
            Link l = link;
            if (l != null && l.connection != null) {
                Round r = active;
                if (tellPeer && r != null) {
                    sendError(l.connection, r, failure.get());
                }
                l.connection.close(RelayEndpoint.CLOSE_NORMAL, null);
            }
            cleanup();
            client.shutdown();
        }
        // A failure recorded first (a cancel, the peer's ERROR) explains more than its echo here.
        TransferException outcome = failure.get() != null ? failure.get() : thrown;
        if (outcome != null) {
            handle.fail(outcome);
        } else {
            handle.succeed(result);
        }
    }

    /**
     * Records {@code e} as the outcome unless something else already failed or the outcome is
     * settled, and wakes the session thread wherever it waits. The session thread then tells
     * the peer if the failure is {@code ours} (it alone sends once there is a failure, so the
     * ERROR is never lost behind a close), closes the connection and cleans up.
     */
    final void fail(TransferException e, boolean ours) {
        if (settled || !failure.compareAndSet(null, e)) {
            return;
        }
        tellPeer = ours && active != null;
        Link l = link;
        if (l != null && l.connection != null) {
            l.connection.abandonWaits();
        }
        onFailure(e);
        aborted.complete(null);
        inbox.add(new Envelope(null, null, WAKE));
    }

    /** The outcome no longer depends on the connection: later disconnects are not failures. */
    final void settle() {
        settled = true;
    }

    /**
     * From now on a lost connection is retried (if the policy allows) instead of failing; also
     * marks progress, so that the next outage gets the policy's full time again.
     */
    final void allowReconnecting() {
        reconnectable = true;
        outageSinceNanos = 0;
    }

    /** The recorded failure, or null. */
    final TransferException failure() {
        return failure.get();
    }

    /** Throws the recorded failure, if any. */
    final void checkNotFailed() {
        TransferException f = failure.get();
        if (f != null) {
            throw f;
        }
    }

    // ---- relay ----

    /** Opens a connection to {@code code}'s room and waits until the relay lets us in. */
    final void join(Code code) {
        Link l = new Link();
        link = l;
        l.connection = client.connect(relay, code.roomId(), role, l, policy.silenceLimit());
        await(l.connection.joined());
    }

    /**
     * Waits until the relay has paired us with the other side, rejoining {@code code}'s room if
     * the connection is lost meanwhile (once {@link #allowReconnecting()} was called).
     */
    final void awaitPaired(Code code) {
        while (true) {
            Envelope e = take(Long.MAX_VALUE);
            if (e.message == PAIRED) {
                paired(e.round);
                return;
            }
            if (e.message instanceof ConnectionLost lost) {
                recover(lost, code, false);
                return;
            }
        }
    }

    private void paired(Round round) {
        active = round;
        if (!everPaired) {
            pairedAtNanos = System.nanoTime(); // the transfer's time counts from the first pairing
        }
        everPaired = true;
        handle.enter(TransferState.HANDSHAKE);
    }

    /**
     * After a {@link ConnectionLost}: rejoins the room as often as needed until the peer is back,
     * within the policy's time; returns paired, ready for a new HELLO. Rethrows {@code e} if it is
     * not a loss, reconnecting is not allowed, or the policy gives up. Before the first pairing,
     * only rejoining is bounded: then the peer may take as long as the relay lets us wait.
     *
     * @param finishing true once the outcome is decided (the receiver's DONE is out): giving up
     *     then returns false instead of failing, after a shorter wait
     * @return true once paired again; false only when {@code finishing} and nobody came back
     */
    final boolean recover(TransferException e, Code code, boolean finishing) {
        checkNotFailed();
        if (!(e instanceof ConnectionLost lost) || !reconnectable || !policy.enabled()) {
            throw e instanceof ConnectionLost other ? other.failure() : e;
        }
        active = null;
        stats.stop(); // until the next pairing is secured
        if (!finishing) {
            handle.enter(TransferState.RECONNECTING);
        }
        long now = System.nanoTime();
        if (outageSinceNanos == 0) {
            outageSinceNanos = now;
        }
        long wait = finishing ? finishingWait().toNanos() : policy.giveUpAfter().toNanos();
        long deadline = (finishing ? now : outageSinceNanos) + wait;
        boolean gone = lost.connectionGone();
        for (int attempt = 1; ; ) {
            if (gone) {
                pause(policy.delayBefore(attempt++), deadline);
                Link old = link;
                if (old.connection != null) {
                    old.connection.close(RelayEndpoint.CLOSE_NORMAL, null);
                }
                if (System.nanoTime() - deadline > 0) {
                    return giveUp(lost, finishing);
                }
                try {
                    join(code);
                    gone = false;
                } catch (TransferException joinFailed) {
                    checkNotFailed();
                    if (!isTransient(joinFailed)) {
                        throw joinFailed;
                    }
                    continue;
                }
                if (!everPaired) {
                    handle.enter(TransferState.WAITING_FOR_PEER);
                }
            }
            Envelope next = take(everPaired ? deadline : Long.MAX_VALUE);
            if (next == null) {
                return giveUp(lost, finishing);
            }
            if (next.message == PAIRED) {
                if (finishing) {
                    active = next.round;
                } else {
                    paired(next.round);
                }
                return true;
            }
            if (next.message instanceof ConnectionLost again) {
                gone = again.connectionGone();
            }
        }
    }

    /** How long a finished receiver waits for a sender that may not have heard its DONE. */
    final Duration finishingWait() {
        Duration backoff = policy.maxDelay().multipliedBy(3);
        return backoff.compareTo(policy.silenceLimit()) > 0 ? backoff : policy.silenceLimit();
    }

    private boolean giveUp(ConnectionLost lost, boolean finishing) {
        if (finishing) {
            return false;
        }
        TransferException cause = lost.failure();
        throw new TransferException(
                cause.reason(),
                stripDot(cause.getMessage()) + "; reconnecting did not succeed within "
                        + Failures.duration(policy.giveUpAfter()) + ". Run the same command again to resume.",
                cause);
    }

    private static String stripDot(String message) {
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    private static boolean isTransient(TransferException e) {
        return e.reason() == FailureReason.RELAY_UNREACHABLE
                || e.reason() == FailureReason.CODE_IN_USE
                || e.reason() == FailureReason.TIMEOUT;
    }

    /** Waits {@code delay} (not past {@code deadline}), ending early only if the session fails. */
    private void pause(Duration delay, long deadline) {
        long nanos = Math.min(delay.toNanos(), Math.max(0, deadline - System.nanoTime()));
        try {
            aborted.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // waited the full delay
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failures.interrupted();
        } catch (java.util.concurrent.ExecutionException e) {
            // aborted never completes exceptionally
        }
        checkNotFailed();
    }

    /** Time since the first pairing. */
    final Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - pairedAtNanos);
    }

    /** Waits for {@code future}, giving up at once if the session fails meanwhile. */
    final <T> T await(CompletableFuture<T> future) {
        try {
            CompletableFuture.anyOf(future, aborted).join();
        } catch (CompletionException e) {
            // future failed; reported below
        }
        checkNotFailed();
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof TransferException t) {
                throw t;
            }
            throw e;
        }
    }

    /**
     * Something happened to the connection of the current pairing: fails the transfer, or, while
     * reconnecting is allowed, wakes the session thread to reconnect.
     */
    private void lost(Link l, Round r, TransferException cause, boolean connectionGone) {
        // The relay's 4408 before any pairing means nobody came within its waiting time: final.
        boolean waitedInVain = !everPaired && cause.reason() == FailureReason.TIMEOUT;
        boolean retry = settled || (reconnectable && policy.enabled() && failure.get() == null && !waitedInVain);
        if (!retry) {
            fail(cause, false);
            return;
        }
        ConnectionLost lost = new ConnectionLost(cause, connectionGone);
        if (connectionGone && l.connection != null) {
            l.connection.abandonWaits();
        }
        onLost(lost);
        inbox.add(new Envelope(l, r, lost));
    }

    /** One relay connection; it may see several pairings if the peer drops and comes back. */
    private final class Link implements RelayListener {
        private volatile RelayConnection connection;
        /** The pairing frames now belong to; null while unpaired (I/O thread only). */
        private Round round;

        @Override
        public void onPaired(long pairing) {
            if (link != this) {
                return;
            }
            round = new Round(pairing);
            inbox.add(new Envelope(this, round, PAIRED));
        }

        @Override
        public void onFrame(ByteBuffer message) {
            Round r = round;
            if (link != this || r == null || failure.get() != null) {
                return;
            }
            dispatching = r;
            try {
                Frame frame = r.read(message);
                if (frame == null) {
                    return; // left over from an earlier pairing
                }
                switch (frame.type()) {
                    case ERROR -> fail(Failures.fromPeer(ControlCodec.decode(frame, ErrorMessage.class)), false);
                    case HELLO -> deliver(ControlCodec.decode(frame, Hello.class));
                    case PAKE1 -> deliver(ControlCodec.decode(frame, Pake1.class));
                    case PAKE2 -> deliver(ControlCodec.decode(frame, Pake2.class));
                    case PAKE3 -> deliver(ControlCodec.decode(frame, Pake3.class));
                    case STATS ->
                        handle.peerStats(ControlCodec.decode(frame, Stats.class).toNodeStats());
                    default -> onPeerFrame(frame);
                }
            } catch (IntegrityException e) {
                fail(new TransferException(FailureReason.INTEGRITY, e.getMessage(), e), true);
            } catch (ProtocolException e) {
                fail(Failures.protocol(e), true);
            } catch (TransferException e) {
                fail(e, true);
            }
        }

        @Override
        public void onPeerLeft() {
            if (link != this) {
                return;
            }
            Round r = round;
            round = null;
            lost(this, r, new TransferException(FailureReason.PEER_FAILED, "The other side disconnected."), false);
        }

        @Override
        public void onClosed(TransferException e) {
            if (link != this) {
                return;
            }
            Round r = round;
            round = null;
            lost(this, r, e, true);
        }
    }

    /** A message for the session thread, the connection and pairing it came in (null for local wake-ups). */
    private record Envelope(Link link, Round round, Object message) {}

    // ---- messages in ----

    /** Hands a decoded message of the pairing being dispatched to the session thread (I/O thread only). */
    final void deliver(Object message) {
        inbox.add(new Envelope(link, dispatching, message));
    }

    /** The flow-control account of the pairing being dispatched (I/O thread only). */
    final Round dispatching() {
        return dispatching;
    }

    /** The pairing the session thread works in. */
    final Round active() {
        return active;
    }

    /**
     * The next envelope that concerns the current connection, or null at {@code deadline}
     * (a {@link System#nanoTime()} value, or {@link Long#MAX_VALUE} for none); throws the
     * failure once there is one. Losses and pairings are returned, stale messages skipped.
     */
    private Envelope take(long deadline) {
        while (true) {
            checkNotFailed();
            Envelope e = pushedBack;
            pushedBack = null;
            try {
                if (e == null) {
                    e = deadline == Long.MAX_VALUE
                            ? inbox.take()
                            : inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw Failures.interrupted();
            }
            checkNotFailed();
            if (e == null) {
                return null;
            }
            if (e.message == WAKE || e.link != link) {
                continue; // a wake-up, or news from a connection we left behind
            }
            if (e.message == PAIRED) {
                return e;
            }
            if (e.message instanceof ConnectionLost) {
                if (active != null && e.round != null && e.round != active) {
                    continue; // the end of a pairing we already left behind
                }
                return e;
            }
            if (active != null && e.round == active) {
                return e;
            }
        }
    }

    /** The next message of the current pairing; throws the failure, or {@link ConnectionLost}. */
    final Object next() {
        return next(Long.MAX_VALUE);
    }

    /**
     * The next message of the current pairing, or null at {@code deadline}; throws the failure,
     * or {@link ConnectionLost}.
     */
    final Object next(long deadline) {
        while (true) {
            Envelope e = take(deadline);
            if (e == null) {
                return null;
            }
            if (e.message instanceof ConnectionLost lost) {
                throw lost;
            }
            if (e.message == PAIRED) {
                // The peer left and came back before we noticed: this pairing is over.
                pushedBack = e;
                throw new ConnectionLost(
                        new TransferException(FailureReason.PEER_FAILED, "The other side disconnected."), false);
            }
            return e.message;
        }
    }

    /** The next message, which must be a {@code type}. */
    final <T> T expect(Class<T> type) {
        Object message = next();
        if (!type.isInstance(message)) {
            throw Failures.protocol("Expected " + ControlCodec.frameType(type) + " from the other side, got "
                    + message.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT) + ".");
        }
        return type.cast(message);
    }

    /** Whether a message is waiting for the session thread. */
    final boolean inboxEmpty() {
        return inbox.isEmpty();
    }

    /**
     * Sends our HELLO for the current pairing and checks the peer's: the other role, the same
     * version.
     *
     * @param encryptData whether we seal the DATA we send
     */
    final Hello exchangeHello(int chunkSize, boolean encryptData) {
        ourHello = new Hello(VERSION, role.wireName(), CODECS, chunkSize, encryptData, active.pairing);
        send(ourHello);
        // A paired peer answers at once; one that does not within the silence limit is not coming
        // over this connection (whatever the cause), so a fresh one is tried.
        Object first = next(System.nanoTime() + policy.silenceLimit().toNanos());
        if (first == null) {
            throw new ConnectionLost(
                    new TransferException(FailureReason.PEER_FAILED, "The other side stopped answering."), true);
        }
        if (!(first instanceof Hello peer)) {
            throw Failures.protocol("Expected HELLO from the other side, got "
                    + first.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT) + ".");
        }
        if (peer.version() != VERSION) {
            throw Failures.protocol("The other side speaks protocol version " + peer.version() + "; this one speaks "
                    + VERSION + ". Update both to the same release.");
        }
        if (peer.role().equals(role.wireName())) {
            throw Failures.protocol(
                    role == Role.SEND
                            ? "Both sides joined as senders; the other side must receive with this code."
                            : "Both sides joined as receivers; the other side must send with this code.");
        }
        return peer;
    }

    /**
     * Runs EC-J-PAKE over the whole code and seals both directions with keys derived from it. A
     * peer with another code fails here, on both sides, before any file data moves; there is no
     * second attempt in this session.
     */
    final void secure(Code code, Hello peer) {
        Round round = active;
        Pake pake = new Pake(ourHello.role(), peer.role(), code.value());
        try {
            send(pake.round1());
            pake.receive1(expect(Pake1.class));
            send(pake.round2());
            pake.receive2(expect(Pake2.class));
            SessionKeys keys = SessionKeys.derive(pake.secret(), Transcript.hash(ourHello, peer));
            // The reader must hold the peer's key before our PAKE3 leaves: the peer seals its next
            // frame as soon as it has checked our PAKE3.
            round.reader.startOpening(new FrameCipher(keys.sentBy(peer.role())), !peer.encrypt());
            send(pake.round3());
            pake.confirm(expect(Pake3.class));
            sendLock.lock();
            try {
                round.writer.startSealing(new FrameCipher(keys.sentBy(ourHello.role())), ourHello.encrypt());
            } finally {
                sendLock.unlock();
            }
            hashMac = new HashMac(keys.hashMac());
            stats.start(figures -> sendStats(round, figures));
        } catch (CodeMismatchException e) {
            throw Failures.wrongCode();
        } catch (ProtocolException e) {
            throw Failures.protocol(e);
        }
    }

    /** Authenticates file hashes with the session key. */
    final HashMac hashMac() {
        return hashMac;
    }

    // ---- frames out ----

    /** Encodes and sends a control message in the current pairing. */
    final void send(Object message) {
        byte[] payload = ControlCodec.encode(message);
        Round round = active;
        sendLock.lock();
        try {
            byte[] frame = round.writer.control(ControlCodec.frameType(message.getClass()), payload);
            transmit(frame, frame.length);
        } finally {
            sendLock.unlock();
        }
    }

    /** Numbers and sends a DATA frame whose content is already in place. */
    final void sendData(byte[] frame, int fileIndex, long offset, DataCodec codec, int rawLength, int contentLength) {
        Round round = active;
        sendLock.lock();
        try {
            EncodedFrame encoded = round.writer.finishData(frame, fileIndex, offset, codec, rawLength, contentLength);
            transmit(encoded.bytes(), encoded.length());
        } finally {
            sendLock.unlock();
        }
    }

    /**
     * Sends a STATS in {@code round} from the reporter's thread, unless that pairing is over or
     * the session's outcome is known. Checked under the lock that orders frames, so a STATS of a pairing
     * that ended can only leave before our next HELLO, where the peer drops it.
     */
    private void sendStats(Round round, Stats figures) {
        byte[] payload = ControlCodec.encode(figures);
        sendLock.lock();
        try {
            if (active != round || settled || failure.get() != null) {
                return;
            }
            byte[] frame = round.writer.control(FrameType.STATS, payload);
            transmit(frame, frame.length);
        } finally {
            sendLock.unlock();
        }
    }

    private void transmit(byte[] frame, int length) {
        RelayConnection c = link.connection;
        try {
            c.send(frame, length);
        } catch (TransferException e) {
            checkNotFailed();
            if (c.isEnded() && e.reason() == FailureReason.RELAY_UNREACHABLE) {
                throw new ConnectionLost(e, true);
            }
            throw e;
        }
    }

    private void sendError(RelayConnection c, Round round, TransferException e) {
        String message = e.getMessage() == null ? e.reason().name() : e.getMessage();
        byte[] payload = ControlCodec.encode(new ErrorMessage(e.reason().name(), message));
        sendLock.lock();
        try {
            byte[] frame = round.writer.control(FrameType.ERROR, payload);
            c.sendUrgent(frame, frame.length);
        } catch (TransferException lost) {
            // Best effort: the peer also learns from the closed connection.
        } finally {
            sendLock.unlock();
        }
    }
}
