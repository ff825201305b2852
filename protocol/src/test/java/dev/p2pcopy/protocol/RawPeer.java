package dev.p2pcopy.protocol;

import dev.p2pcopy.protocol.code.Code;
import dev.p2pcopy.protocol.crypto.FrameCipher;
import dev.p2pcopy.protocol.crypto.HashMac;
import dev.p2pcopy.protocol.crypto.Pake;
import dev.p2pcopy.protocol.crypto.SessionKeys;
import dev.p2pcopy.protocol.crypto.Transcript;
import dev.p2pcopy.protocol.frame.DataCodec;
import dev.p2pcopy.protocol.frame.DataFrame;
import dev.p2pcopy.protocol.frame.EncodedFrame;
import dev.p2pcopy.protocol.frame.Frame;
import dev.p2pcopy.protocol.frame.FrameReader;
import dev.p2pcopy.protocol.frame.FrameType;
import dev.p2pcopy.protocol.frame.FrameWriter;
import dev.p2pcopy.protocol.frame.ProtocolException;
import dev.p2pcopy.protocol.message.ControlCodec;
import dev.p2pcopy.protocol.message.FileEnd;
import dev.p2pcopy.protocol.message.Hello;
import dev.p2pcopy.protocol.message.Pake1;
import dev.p2pcopy.protocol.message.Pake2;
import dev.p2pcopy.protocol.message.Pake3;
import dev.p2pcopy.protocol.transport.RelayClient;
import dev.p2pcopy.protocol.transport.RelayConnection;
import dev.p2pcopy.protocol.transport.RelayListener;
import dev.p2pcopy.protocol.transport.Role;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A peer under the test's control, built from the transport and the framing only: it says
 * exactly what the test tells it to, so tests can play a hostile or broken sender or receiver.
 */
final class RawPeer implements RelayListener, AutoCloseable {
    private final RelayClient client = RelayClient.create();
    private final RelayConnection connection;
    private final FrameWriter writer = new FrameWriter();
    private final FrameReader reader = new FrameReader();
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    final CompletableFuture<Void> paired = new CompletableFuture<>();
    final CompletableFuture<TransferException> closed = new CompletableFuture<>();
    final CompletableFuture<Void> peerLeft = new CompletableFuture<>();
    private HashMac hashMac;

    RawPeer(URI relay, String roomId, Role role) {
        connection = client.connect(relay, roomId, role, this);
    }

    /** The connection's join future. */
    CompletableFuture<Boolean> joined() {
        return connection.joined();
    }

    /** Sends a control message. */
    synchronized void send(Object message) {
        byte[] frame = writer.control(ControlCodec.frameType(message.getClass()), ControlCodec.encode(message));
        connection.send(frame, frame.length);
    }

    /** Sends {@code payload} as it is in a {@code type} frame: for payloads no message record would build. */
    synchronized void sendRaw(FrameType type, byte[] payload) {
        byte[] frame = writer.control(type, payload);
        connection.send(frame, frame.length);
    }

    /** Sends raw content as a DATA frame. */
    synchronized void sendData(int fileIndex, long offset, byte[] content) {
        byte[] frame = FrameWriter.newDataFrame(content.length);
        System.arraycopy(content, 0, frame, DataFrame.CONTENT_OFFSET, content.length);
        EncodedFrame encoded =
                writer.finishData(frame, fileIndex, offset, DataCodec.NONE, content.length, content.length);
        connection.send(encoded.bytes(), encoded.length());
    }

    /**
     * Plays the honest handshake: sends {@code ours}, reads the peer's HELLO, runs the PAKE over
     * {@code code} and seals both directions, exactly as the engine does.
     */
    Hello handshake(Code code, Hello ours) throws Exception {
        send(ours);
        Hello peer = expect(Hello.class);
        Pake pake = new Pake(ours.role(), peer.role(), code.value());
        send(pake.round1());
        pake.receive1(expect(Pake1.class));
        send(pake.round2());
        pake.receive2(expect(Pake2.class));
        SessionKeys keys = SessionKeys.derive(pake.secret(), Transcript.hash(ours, peer));
        reader.startOpening(new FrameCipher(keys.sentBy(peer.role())), !peer.encrypt());
        send(pake.round3());
        pake.confirm(expect(Pake3.class));
        synchronized (this) {
            writer.startSealing(new FrameCipher(keys.sentBy(ours.role())), ours.encrypt());
        }
        hashMac = new HashMac(keys.hashMac());
        return peer;
    }

    /** A FILE_END with a valid MAC for {@code sha256}. */
    FileEnd fileEnd(int fileIndex, String sha256) {
        return new FileEnd(fileIndex, sha256, hashMac.tag(fileIndex, sha256));
    }

    /** The next frame from the other side. */
    Frame nextFrame() throws InterruptedException, TimeoutException {
        Object next = inbox.poll(20, TimeUnit.SECONDS);
        if (next == null) {
            throw new TimeoutException("no frame from the peer");
        }
        if (next instanceof ProtocolException e) {
            throw new IllegalStateException(e);
        }
        return (Frame) next;
    }

    /** The next frame, decoded as {@code type}. */
    <T> T expect(Class<T> type) throws Exception {
        return ControlCodec.decode(nextFrame(), type);
    }

    @Override
    public void onPaired(long pairing) {
        paired.complete(null);
    }

    @Override
    public void onFrame(ByteBuffer frame) {
        try {
            inbox.add(reader.read(frame));
        } catch (ProtocolException e) {
            inbox.add(e);
        }
    }

    @Override
    public void onPeerLeft() {
        peerLeft.complete(null);
    }

    @Override
    public void onClosed(TransferException failure) {
        closed.complete(failure);
    }

    @Override
    public void close() {
        connection.close(1000, null);
        client.shutdown();
    }
}
