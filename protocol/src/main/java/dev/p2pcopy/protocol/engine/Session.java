package dev.p2pcopy.protocol.engine;

import dev.p2pcopy.protocol.FailureReason;
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
import dev.p2pcopy.protocol.frame.FrameReader;
import dev.p2pcopy.protocol.frame.FrameType;
import dev.p2pcopy.protocol.frame.FrameWriter;
import dev.p2pcopy.protocol.frame.IntegrityException;
import dev.p2pcopy.protocol.frame.ProtocolException;
import dev.p2pcopy.protocol.message.ControlCodec;
import dev.p2pcopy.protocol.message.ErrorMessage;
import dev.p2pcopy.protocol.message.Hello;
import dev.p2pcopy.protocol.message.Pake1;
import dev.p2pcopy.protocol.message.Pake2;
import dev.p2pcopy.protocol.message.Pake3;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a sender and a receiver session share: the relay connection, framing in both
 * directions, an inbox of decoded messages for the session's own thread, and failure
 * handling. The session thread runs {@link #execute()} from start to end and is the only one
 * that sends; the connection's I/O thread decodes frames and hands them over. The first failure
 * wins, from whichever thread: it wakes the session thread, which tells the peer when the
 * failure is ours, closes the connection, cleans up and then completes the result.
 */
abstract class Session implements RelayListener {
    /** Protocol version spoken. */
    static final int VERSION = 1;
    /** Codec names a peer can decode, as listed in HELLO. */
    static final List<String> CODECS = List.of("none", "zstd");

    private static final Object PAIRED = new Object();
    private static final Object WAKE = new Object();

    final TransferHandle handle;
    final ProgressMeter meter;
    private final URI relay;
    private final Role role;
    private final RelayClient client;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final AtomicReference<TransferException> failure = new AtomicReference<>();
    private final CompletableFuture<Void> aborted = new CompletableFuture<>();
    private final ReentrantLock sendLock = new ReentrantLock();
    private final FrameWriter writer = new FrameWriter();
    private final FrameReader reader = new FrameReader();
    private volatile RelayConnection connection;
    private volatile boolean paired;
    private volatile boolean settled;
    private volatile boolean tellPeer;
    private long pairedAtNanos;
    private Hello ourHello;
    private HashMac hashMac;

    Session(URI relay, Path trustedCertificate, Role role, TransferHandle handle, ProgressMeter meter) {
        this.relay = relay;
        this.client = RelayClient.create(trustedCertificate);
        this.role = role;
        this.handle = handle;
        this.meter = meter;
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

    private void run() {
        TransferResult result = null;
        TransferException thrown = null;
        try {
            handle.enter(TransferState.CONNECTING);
            result = execute();
        } catch (TransferException e) {
            thrown = e;
        } catch (RuntimeException | Error e) {
            thrown = new TransferException(FailureReason.LOCAL_IO, "Unexpected error: " + e + ".", e);
        } finally {
            if (thrown != null) {
                fail(thrown, true);
            }
            settled = true;
            RelayConnection c = connection;
            if (c != null) {
                if (tellPeer) {
                    sendError(c, failure.get());
                }
                c.close(RelayEndpoint.CLOSE_NORMAL, null);
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
     * the peer if the failure is {@code ours} (it alone sends, so the ERROR is never lost
     * behind a close), closes the connection and cleans up.
     */
    final void fail(TransferException e, boolean ours) {
        if (settled || !failure.compareAndSet(null, e)) {
            return;
        }
        tellPeer = ours && paired;
        RelayConnection c = connection;
        if (c != null) {
            c.abandonWaits();
        }
        onFailure(e);
        aborted.complete(null);
        inbox.add(WAKE);
    }

    /** The outcome no longer depends on the connection: later disconnects are not failures. */
    final void settle() {
        settled = true;
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
        RelayConnection c = client.connect(relay, code.roomId(), role, this);
        connection = c;
        await(c.joined());
    }

    /** Waits until the relay has paired us with the other side. */
    final void awaitPaired() {
        while (next() != PAIRED) {
            // Nothing but PAIRED can arrive before pairing; frames only flow after it.
        }
        pairedAtNanos = System.nanoTime();
        handle.enter(TransferState.HANDSHAKE);
    }

    /** Time since pairing. */
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

    @Override
    public final void onPaired() {
        paired = true;
        inbox.add(PAIRED);
    }

    @Override
    public final void onFrame(ByteBuffer message) {
        if (failure.get() != null) {
            return;
        }
        try {
            Frame frame = reader.read(message);
            switch (frame.type()) {
                case ERROR -> fail(Failures.fromPeer(ControlCodec.decode(frame, ErrorMessage.class)), false);
                case HELLO -> deliver(ControlCodec.decode(frame, Hello.class));
                case PAKE1 -> deliver(ControlCodec.decode(frame, Pake1.class));
                case PAKE2 -> deliver(ControlCodec.decode(frame, Pake2.class));
                case PAKE3 -> deliver(ControlCodec.decode(frame, Pake3.class));
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
    public final void onPeerLeft() {
        fail(new TransferException(FailureReason.PEER_FAILED, "The other side disconnected."), false);
    }

    @Override
    public final void onClosed(TransferException e) {
        fail(e, false);
    }

    // ---- messages in ----

    /** Hands a decoded message to the session thread. */
    final void deliver(Object message) {
        inbox.add(message);
    }

    /** The next message for the session thread; throws the failure once there is one. */
    final Object next() {
        while (true) {
            checkNotFailed();
            Object message;
            try {
                message = inbox.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Failures.interrupted();
            }
            checkNotFailed();
            if (message != WAKE) {
                return message;
            }
        }
    }

    /** The next message, which must be a {@code type}. */
    final <T> T expect(Class<T> type) {
        Object message = next();
        if (!type.isInstance(message)) {
            throw Failures.protocol("Expected " + ControlCodec.frameType(type) + " from the other side, got "
                    + describe(message) + ".");
        }
        return type.cast(message);
    }

    /** Whether a message is waiting for the session thread. */
    final boolean inboxEmpty() {
        return inbox.isEmpty();
    }

    private static String describe(Object message) {
        if (message == PAIRED) {
            return "a second pairing";
        }
        return message.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Sends our HELLO and checks the peer's: the other role, the same version.
     *
     * @param encryptData whether we seal the DATA we send
     */
    final Hello exchangeHello(int chunkSize, boolean encryptData) {
        ourHello = new Hello(VERSION, role.wireName(), CODECS, chunkSize, encryptData);
        send(ourHello);
        Hello peer = expect(Hello.class);
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
        Pake pake = new Pake(ourHello.role(), peer.role(), code.value());
        try {
            send(pake.round1());
            pake.receive1(expect(Pake1.class));
            send(pake.round2());
            pake.receive2(expect(Pake2.class));
            SessionKeys keys = SessionKeys.derive(pake.secret(), Transcript.hash(ourHello, peer));
            // The reader must hold the peer's key before our PAKE3 leaves: the peer seals its next
            // frame as soon as it has checked our PAKE3.
            reader.startOpening(new FrameCipher(keys.sentBy(peer.role())), !peer.encrypt());
            send(pake.round3());
            pake.confirm(expect(Pake3.class));
            sendLock.lock();
            try {
                writer.startSealing(new FrameCipher(keys.sentBy(ourHello.role())), ourHello.encrypt());
            } finally {
                sendLock.unlock();
            }
            hashMac = new HashMac(keys.hashMac());
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

    /** Encodes and sends a control message. */
    final void send(Object message) {
        byte[] payload = ControlCodec.encode(message);
        sendLock.lock();
        try {
            byte[] frame = writer.control(ControlCodec.frameType(message.getClass()), payload);
            connection.send(frame, frame.length);
        } finally {
            sendLock.unlock();
        }
    }

    /** Numbers and sends a DATA frame whose content is already in place. */
    final void sendData(byte[] frame, int fileIndex, long offset, DataCodec codec, int rawLength, int contentLength) {
        sendLock.lock();
        try {
            EncodedFrame encoded = writer.finishData(frame, fileIndex, offset, codec, rawLength, contentLength);
            connection.send(encoded.bytes(), encoded.length());
        } finally {
            sendLock.unlock();
        }
    }

    private void sendError(RelayConnection c, TransferException e) {
        String message = e.getMessage() == null ? e.reason().name() : e.getMessage();
        byte[] payload = ControlCodec.encode(new ErrorMessage(e.reason().name(), message));
        sendLock.lock();
        try {
            byte[] frame = writer.control(FrameType.ERROR, payload);
            c.sendUrgent(frame, frame.length);
        } catch (TransferException lost) {
            // Best effort: the peer also learns from the closed connection.
        } finally {
            sendLock.unlock();
        }
    }
}
