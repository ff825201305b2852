package dev.p2pcopy.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real WebSocket client (the JDK's) that records what the relay sends it. */
final class TestPeer implements WebSocket.Listener {

    /** How a connection ended: a close frame, or an error. */
    record Closing(int code, String reason) {}

    static final long WAIT_SECONDS = 10;

    private final boolean autoDemand;
    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closing> closing = new CompletableFuture<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final StringBuilder textParts = new StringBuilder();
    private final ByteArrayOutputStream binaryParts = new ByteArrayOutputStream();
    private WebSocket webSocket;

    private TestPeer(boolean autoDemand) {
        this.autoDemand = autoDemand;
    }

    static String roomUri(URI relay, String roomId, String role) {
        return relay + RelayContract.ROOM_PATH_PREFIX + roomId + "?role=" + role;
    }

    /** Connects and reads everything the relay sends. */
    static TestPeer connect(HttpClient client, URI relay, String roomId, String role) throws Exception {
        return open(client, relay, roomId, role, true);
    }

    /** Connects but reads nothing until {@link #request(long)} is called. */
    static TestPeer connectWithoutReading(HttpClient client, URI relay, String roomId, String role) throws Exception {
        return open(client, relay, roomId, role, false);
    }

    private static TestPeer open(HttpClient client, URI relay, String roomId, String role, boolean autoDemand)
            throws Exception {
        TestPeer peer = new TestPeer(autoDemand);
        peer.webSocket = client.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(WAIT_SECONDS))
                .buildAsync(URI.create(roomUri(relay, roomId, role)), peer)
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        return peer;
    }

    void request(long n) {
        webSocket.request(n);
    }

    void send(byte[] data) throws Exception {
        webSocket.sendBinary(ByteBuffer.wrap(data), true).get(60, TimeUnit.SECONDS);
    }

    void sendPart(byte[] data, boolean last) throws Exception {
        webSocket.sendBinary(ByteBuffer.wrap(data), last).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    void sendTextPart(String text, boolean last) throws Exception {
        webSocket.sendText(text, last).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    CompletableFuture<WebSocket> sendAsync(ByteBuffer data) {
        return webSocket.sendBinary(data, true);
    }

    void sendText(String text) throws Exception {
        webSocket.sendText(text, true).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Sends a normal close and waits for the relay's answer. */
    void close() throws Exception {
        webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(WAIT_SECONDS, TimeUnit.SECONDS);
        awaitClosing();
    }

    /** Drops the TCP connection without a close handshake, like a crashed peer. */
    void abort() {
        webSocket.abort();
    }

    String nextText() throws InterruptedException {
        String text = texts.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(text).as("a text frame from the relay").isNotNull();
        return text;
    }

    byte[] nextBinary() throws InterruptedException {
        return nextBinary(WAIT_SECONDS);
    }

    byte[] nextBinary(long seconds) throws InterruptedException {
        byte[] data = binaries.poll(seconds, TimeUnit.SECONDS);
        assertThat(data).as("a binary message from the relay").isNotNull();
        return data;
    }

    boolean hasBinary() {
        return !binaries.isEmpty();
    }

    Closing awaitClosing() throws Exception {
        return closing.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    CompletableFuture<Closing> closing() {
        return closing;
    }

    int pings() {
        return pings.get();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        demand(webSocket);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        textParts.append(data);
        if (last) {
            texts.add(textParts.toString());
            textParts.setLength(0);
        }
        demand(webSocket);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] part = new byte[data.remaining()];
        data.get(part);
        binaryParts.writeBytes(part);
        if (last) {
            binaries.add(binaryParts.toByteArray());
            binaryParts.reset();
        }
        demand(webSocket);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pings.incrementAndGet();
        demand(webSocket);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closing.complete(new Closing(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closing.completeExceptionally(error);
    }

    private void demand(WebSocket webSocket) {
        if (autoDemand) {
            webSocket.request(1);
        }
    }
}
