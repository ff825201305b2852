package dev.p2pcopy.protocol;

import dev.p2pcopy.protocol.frame.DataCodec;
import dev.p2pcopy.protocol.frame.DataFrame;
import dev.p2pcopy.protocol.frame.Frame;
import dev.p2pcopy.protocol.frame.FrameReader;
import dev.p2pcopy.protocol.frame.FrameWriter;
import dev.p2pcopy.protocol.frame.ProtocolException;
import dev.p2pcopy.protocol.message.ControlCodec;
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

    /** Sends raw content as a DATA frame. */
    synchronized void sendData(int fileIndex, long offset, byte[] content) {
        byte[] frame = FrameWriter.newDataFrame(content.length);
        System.arraycopy(content, 0, frame, DataFrame.CONTENT_OFFSET, content.length);
        int length = writer.finishData(frame, fileIndex, offset, DataCodec.NONE, content.length, content.length);
        connection.send(frame, length);
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
    public void onPaired() {
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
