package dev.p2pcopy.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.relay.http.RelayChannelInitializer;
import dev.p2pcopy.relay.room.RoomCounts;
import dev.p2pcopy.relay.room.RoomRegistry;
import dev.p2pcopy.relay.telemetry.RelayTelemetry;
import dev.p2pcopy.relay.ws.TrafficMeter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds random and mutated HTTP requests and WebSocket frames to the relay's real pipeline
 * ({@link RelayChannelInitializer} on an {@link EmbeddedSocketChannel}, byte by byte on the test's
 * thread), and a smaller number to a real relay over sockets. Whatever arrives, the relay answers
 * with a documented HTTP status or WebSocket close code, or closes, or waits for more; no
 * exception reaches the end of a pipeline; no connection allocates beyond a bound of its input's
 * size; and no room outlives its connections.
 *
 * <p>Other seeds and more cases: see {@link Fuzz}.
 */
@Timeout(120)
class RelayEntryFuzzTest {
    /**
     * Statuses the relay documents (docs/relay.md), and those Netty's HTTP layer answers broken
     * requests with (100 Continue is HTTP's interim answer to {@code Expect: 100-continue}).
     */
    private static final Set<Integer> DECLARED_STATUSES =
            Set.of(100, 101, 200, 400, 404, 405, 413, 417, 426, 429, 431, 503);

    /**
     * Close codes of RFC 6455 the relay uses, and its own (RelayContract). Besides these, the
     * relay may echo the code of a client's own close frame, as the close handshake asks.
     */
    private static final Set<Integer> DECLARED_CLOSE_CODES = Set.of(
            1000,
            1001,
            1002,
            1003,
            1007,
            1008,
            1009,
            1011,
            RelayContract.CLOSE_TIMEOUT,
            RelayContract.CLOSE_ROLE_TAKEN,
            RelayContract.CLOSE_RELAY_FULL);

    /**
     * What one connection may allocate besides a multiple of its input: pipeline, codecs, one
     * response (the first {@code /metrics} scrape of a second renders about a MiB of text).
     */
    private static final long ALLOCATION_ALLOWANCE = 4 * 1024 * 1024;

    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private static final String[] EXTRA_HEADERS = {
        "Content-Length: 5\r\n",
        "Content-Length: 99999999999999999999\r\n",
        "Content-Length: -1\r\n",
        "Transfer-Encoding: chunked\r\n",
        "Expect: 100-continue\r\n",
        "Expect: nonsense\r\n",
        "Sec-WebSocket-Version: 8\r\n",
        "Sec-WebSocket-Version: 13\r\n",
        "Sec-WebSocket-Key: \r\n",
        "Sec-WebSocket-Extensions: permessage-deflate\r\n",
        "Sec-WebSocket-Protocol: chat\r\n",
        "X-Forwarded-For: 203.0.113.9, 10.0.0.1\r\n",
        "Connection: close\r\n",
        "Connection: keep-alive, Upgrade\r\n",
        "Upgrade: h2c\r\n",
        "Origin: http://evil.example\r\n",
        "Host: \r\n",
        "X-Long: " + "a".repeat(9000) + "\r\n",
        "Bad Header\r\n",
        " folded\r\n",
        "\u0000: x\r\n"
    };

    private final RelayConfig config = settings().build();
    private RelayTelemetry telemetry;
    private RoomRegistry registry;
    private ChannelGroup channels;
    private RelayChannelInitializer initializer;
    /** The same relay behind a trusted proxy: it reads X-Forwarded-For. */
    private RelayChannelInitializer proxied;

    @BeforeEach
    void buildTheRelaysParts() {
        telemetry = new RelayTelemetry(config);
        registry = new RoomRegistry(config, telemetry.events());
        channels = new DefaultChannelGroup("fuzz", ImmediateEventExecutor.INSTANCE);
        initializer = new RelayChannelInitializer(config, registry, new TrafficMeter(), channels, telemetry);
        proxied = new RelayChannelInitializer(
                settings().trustProxy(true).build(), registry, new TrafficMeter(), channels, telemetry);
    }

    /** Default settings but a small frame limit, so that frames over it are cheap to make. */
    private static RelayConfig.Builder settings() {
        return RelayConfig.builder().host("127.0.0.1").port(0).maxFrameBytes(64 * 1024);
    }

    @AfterEach
    void nothingOutlivesItsConnections() {
        try {
            assertThat(registry.counts()).isEqualTo(new RoomCounts(0, 0));
            assertThat(channels.size()).as("connections still open").isZero();
        } finally {
            telemetry.close();
        }
    }

    @Test
    void httpRequests() {
        Set<Integer> seen = new HashSet<>();
        Fuzz.run("relay-http", 4_000, (random, i) -> {
            byte[] request = request(random);
            try (Client client = new Client(random, random.nextBoolean() ? initializer : proxied)) {
                client.feed(random, request);
                client.check(request.length);
                seen.addAll(client.answers().statuses());
            }
        });
        if (!Fuzz.replaying()) {
            // The corpus must reach every branch of the request gate and the upgrade, or it tests little.
            assertThat(seen).contains(101, 200, 400, 404, 405, 426);
        }
    }

    @Test
    void webSocketFramesAfterTheUpgrade() {
        Set<Integer> seen = new HashSet<>();
        Fuzz.run("relay-websocket", 3_000, (random, i) -> {
            try (Client client = new Client(random, initializer)) {
                byte[] upgrade = upgrade(roomId(random), random.nextBoolean() ? "send" : "receive");
                client.feed(random, upgrade);
                assertThat(client.answers().statuses()).containsExactly(101);
                int fed = upgrade.length;
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    byte[] frame = random.nextInt(3) == 0 ? Fuzz.mutate(random, frame(random)) : frame(random);
                    client.feed(random, frame);
                    fed += frame.length;
                }
                client.check(fed);
                seen.addAll(client.answers().closeCodes());
            }
        });
        if (!Fuzz.replaying()) {
            assertThat(seen).as("close codes seen").contains(1002, 1009);
        }
    }

    @Test
    void theHarnessSeesAnExceptionThatReachesTheEndOfThePipeline() throws Exception {
        ChannelInboundHandlerAdapter broken = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ReferenceCountUtil.release(msg);
                throw new IllegalStateException("broken handler");
            }
        };
        Client client = new Client(new Random(1), broken);
        assertThatThrownBy(() -> client.feed(new Random(1), new byte[] {1}))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("an exception reached the end of the pipeline")
                .hasRootCauseMessage("broken handler");
        client.close();
    }

    @Test
    void pairedPeersSendingAnything() {
        Fuzz.run("relay-paired", 400, (random, i) -> {
            String room = roomId(random);
            try (Client sender = new Client(random, initializer);
                    Client receiver = new Client(random, initializer)) {
                sender.feed(random, upgrade(room, "send"));
                receiver.feed(random, upgrade(room, "receive"));
                byte[] hello = new byte[1 + random.nextInt(100)];
                random.nextBytes(hello);
                sender.feed(random, clientFrame(true, 0, 2, hello, true));
                assertThat(receiver.answers().binaries())
                        .as("forwarded to the partner")
                        .containsExactly(hello);
                int fed = 0;
                for (int n = 1 + random.nextInt(6); n > 0; n--) {
                    Client from = random.nextBoolean() ? sender : receiver;
                    byte[] frame = random.nextInt(3) == 0 ? Fuzz.mutate(random, frame(random)) : frame(random);
                    from.feed(random, frame);
                    fed += frame.length;
                }
                sender.check(fed);
                receiver.check(fed);
            }
        });
    }

    @Test
    void aRealRelayOverSockets() throws Exception {
        // Every case comes from 127.0.0.1: per-address limits would soon refuse them all, health check included.
        RelayConfig generous = settings()
                .maxConnectionsPerIp(10_000)
                .connectionBurstPerIp(10_000)
                .connectionsPerMinutePerIp(1_000_000)
                .build();
        try (RelayServer relay = RelayServer.start(generous)) {
            Fuzz.run("relay-sockets", 80, (random, i) -> {
                byte[] input = request(random);
                if (random.nextBoolean()) {
                    input = concat(upgrade(roomId(random), "send"), frame(random), frame(random));
                }
                Answers answers = Answers.parse(exchange(relay.port(), input), true);
                assertDeclared(answers, input);
            });
            RawHttp.Response health = RawHttp.get(relay.port(), RelayContract.HEALTH_PATH);
            assertThat(health.status()).isEqualTo(200);
            Await.until(
                    "every fuzzed room is gone",
                    Duration.ofSeconds(10),
                    () -> relay.stats().roomsWaiting() == 0 && relay.stats().roomsPaired() == 0);
        }
    }

    /** Sends {@code input}, half-closes, and reads until the relay closes (or resets) the connection. */
    private static byte[] exchange(int port, byte[] input) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(input);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                // A relay may drop a broken connection at once; what arrived before counts.
            }
        }
        return received.toByteArray();
    }

    private static void assertDeclared(Answers answers, byte[] input) {
        assertThat(answers.statuses())
                .as(() -> "HTTP statuses for " + show(input))
                .allMatch(DECLARED_STATUSES::contains);
        List<Integer> echoes = clientCloseCodes(input);
        assertThat(answers.closeCodes())
                .as(() -> "close codes (the client's own: " + echoes + ") for " + show(input))
                .allMatch(code -> DECLARED_CLOSE_CODES.contains(code) || echoes.contains(code));
    }

    /** The codes of the close frames a client sent after its HTTP request, as far as they parse. */
    private static List<Integer> clientCloseCodes(byte[] sent) {
        List<Integer> codes = new ArrayList<>();
        int at = new String(sent, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
        if (at < 0) {
            return codes;
        }
        at += 4;
        while (sent.length - at >= 2) {
            int opcode = sent[at] & 0x0f;
            boolean masked = (sent[at + 1] & 0x80) != 0;
            long length = sent[at + 1] & 0x7f;
            int header = 2;
            if (length >= 126) {
                int extra = length == 126 ? 2 : 8;
                if (sent.length - at < 2 + extra) {
                    break;
                }
                length = 0;
                for (int i = 0; i < extra; i++) {
                    length = length << 8 | (sent[at + 2 + i] & 0xff);
                }
                header += extra;
            }
            int maskAt = at + header;
            header += masked ? 4 : 0;
            if (length < 0 || sent.length - at - header < length) {
                break;
            }
            int start = at + header;
            if (opcode == 8 && length >= 2) {
                int high = sent[start] ^ (masked ? sent[maskAt] : 0);
                int low = sent[start + 1] ^ (masked ? sent[maskAt + 1] : 0);
                codes.add((high & 0xff) << 8 | (low & 0xff));
            } else if (opcode == 8) {
                codes.add(1005); // a close frame without a code: "no status received"
            }
            at = start + (int) length;
        }
        return codes;
    }

    /** A request from a small corpus of valid and broken ones, often with extra headers, sometimes mutated. */
    private static byte[] request(Random random) {
        String room = roomId(random);
        String role = random.nextBoolean() ? "send" : "receive";
        String upgradeHeaders = "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + KEY + "\r\n";
        String[] lines = {
            "GET /v1/rooms/" + room + "?role=" + role + " HTTP/1.1\r\nHost: relay\r\n" + upgradeHeaders,
            "GET /v1/rooms/" + room + "?role=" + role + " HTTP/1.1\r\nHost: relay\r\n",
            "GET " + RelayContract.HEALTH_PATH + " HTTP/1.1\r\nHost: relay\r\n",
            "GET /metrics HTTP/1.1\r\nHost: relay\r\n",
            "GET /v1/stats HTTP/1.1\r\nHost: relay\r\n",
            "POST /v1/rooms/" + room + "?role=" + role + " HTTP/1.1\r\nHost: relay\r\n" + upgradeHeaders,
            "GET /v1/rooms/" + room.toUpperCase() + "?role=send&role=receive HTTP/1.1\r\n" + upgradeHeaders,
            "GET /v1/rooms/../../etc/passwd?role=send HTTP/1.1\r\n" + upgradeHeaders,
            "GET /v1/rooms/" + room + "%00?role=" + role + " HTTP/1.1\r\n" + upgradeHeaders,
            "GET http://relay/v1/rooms/" + room + "?role=" + role + " HTTP/1.1\r\n" + upgradeHeaders,
            "GET /v1/rooms/" + room + "?role=" + role + " HTTP/1.0\r\n" + upgradeHeaders,
            "GET /" + "x".repeat(5000) + " HTTP/1.1\r\n",
            "OPTIONS * HTTP/1.1\r\n",
            "PRI * HTTP/2.0\r\n\r\nSM\r\n",
            "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003",
            "\r\n\r\n",
            "GET /healthz HTTP/1.1\r\n\r\nGET /healthz HTTP/1.1\r\n",
            // The handshake of the obsolete draft 76 (Netty speaks it; the relay must answer 426), with its body.
            "GET /v1/rooms/" + room + "?role=" + role + " HTTP/1.1\r\nHost: relay\r\nConnection: Upgrade\r\n"
                    + "Upgrade: WebSocket\r\nOrigin: http://relay\r\nSec-WebSocket-Key1: 4 @1  46546xW%0l 1 5\r\n"
                    + "Sec-WebSocket-Key2: 12998 5 Y3 1  .P00\r\nContent-Length: 8\r\n\r\n^n:ds[4U",
        };
        StringBuilder request = new StringBuilder(lines[random.nextInt(lines.length)]);
        for (int n = random.nextInt(3); n > 0; n--) {
            request.append(EXTRA_HEADERS[random.nextInt(EXTRA_HEADERS.length)]);
        }
        request.append("\r\n");
        if (random.nextInt(4) == 0) {
            request.append(random.nextBoolean() ? "hello" : "5\r\nhello\r\n0\r\n\r\n");
        }
        byte[] bytes = request.toString().getBytes(StandardCharsets.ISO_8859_1);
        return random.nextBoolean() ? Fuzz.mutate(random, bytes) : bytes;
    }

    private static byte[] upgrade(String room, String role) {
        return ("GET /v1/rooms/" + room + "?role=" + role + " HTTP/1.1\r\nHost: relay\r\nConnection: Upgrade\r\n"
                        + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + KEY + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String roomId(Random random) {
        return String.format(
                "%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /** A client frame: mostly well-formed, with odd opcodes, flags, lengths and close payloads mixed in. */
    private static byte[] frame(Random random) {
        int[] opcodes = {0, 1, 2, 2, 2, 8, 9, 10, 3, 7, 11, 15};
        int opcode = opcodes[random.nextInt(opcodes.length)];
        boolean fin = random.nextInt(4) != 0;
        int rsv = random.nextInt(8) == 0 ? 1 + random.nextInt(7) : 0;
        byte[] payload;
        if (opcode == 8 && random.nextBoolean()) {
            int code = random.nextBoolean() ? (int) Fuzz.interesting(random) & 0xffff : 1000 + random.nextInt(4000);
            byte[] reason =
                    random.nextBoolean() ? "bye".getBytes(StandardCharsets.UTF_8) : new byte[] {(byte) 0xc3, 0x28};
            payload = concat(new byte[] {(byte) (code >> 8), (byte) code}, reason);
        } else {
            payload = new byte[random.nextInt(8) == 0 ? 126 + random.nextInt(400) : random.nextInt(60)];
            random.nextBytes(payload);
        }
        byte[] frame = clientFrame(fin, rsv, opcode, payload, random.nextInt(10) != 0);
        if (random.nextInt(6) == 0) {
            frame = withDeclaredLength(random, frame, payload.length);
        }
        return frame;
    }

    static byte[] clientFrame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            out.write(maskBit | payload.length);
        } else if (payload.length <= 0xffff) {
            out.write(maskBit | 126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >>> shift));
            }
        }
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        if (masked) {
            out.writeBytes(mask);
        }
        for (int i = 0; i < payload.length; i++) {
            out.write(masked ? payload[i] ^ mask[i % 4] : payload[i]);
        }
        return out.toByteArray();
    }

    /** Replaces the frame's length with a 64-bit one that lies: huge, over the limit, or a little off. */
    private static byte[] withDeclaredLength(Random random, byte[] frame, int actual) {
        long[] claims = {Long.MAX_VALUE, 1L << 32, 16L << 20, 64 * 1024 + 1, actual + 1, Math.max(0, actual - 1)};
        long claim = claims[random.nextInt(claims.length)];
        int headerEnd = 2 + ((frame[1] & 0x7f) == 126 ? 2 : (frame[1] & 0x7f) == 127 ? 8 : 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(frame[0]);
        out.write((frame[1] & 0x80) | 127);
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (claim >>> shift));
        }
        out.write(frame, headerEnd, frame.length - headerEnd);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String show(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 160), StandardCharsets.ISO_8859_1);
        StringBuilder tail = new StringBuilder();
        for (int i = Math.max(0, bytes.length - 96); i < bytes.length; i++) {
            tail.append(String.format("%02x", bytes[i]));
        }
        return bytes.length + " bytes: " + text.replaceAll("[^\\x20-\\x7e]", ".") + " … ending in hex " + tail;
    }

    /** One connection to the relay's pipeline, driven on the test's thread. */
    private final class Client implements AutoCloseable {
        private final EmbeddedSocketChannel channel;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        private final long allocatedBefore = Fuzz.allocated();

        Client(Random random, ChannelHandler pipeline) throws Exception {
            byte[] ip = new byte[4];
            random.nextBytes(ip);
            ip[0] = 10;
            channel = new EmbeddedSocketChannel(
                    pipeline, new InetSocketAddress(InetAddress.getByAddress(ip), 1024 + random.nextInt(60_000)));
        }

        /** Writes {@code bytes} in one to three pieces, as TCP may cut them, while the relay keeps the connection. */
        void feed(Random random, byte[] bytes) {
            sent.writeBytes(bytes);
            int at = 0;
            while (at < bytes.length && channel.isOpen()) {
                int piece = random.nextInt(3) == 0 ? 1 + random.nextInt(bytes.length - at) : bytes.length - at;
                ByteBuf buffer = Unpooled.wrappedBuffer(bytes, at, piece);
                at += piece;
                try {
                    channel.writeInbound(buffer);
                    channel.runPendingTasks();
                    channel.checkException();
                } catch (Throwable t) {
                    throw new AssertionError(
                            "an exception reached the end of the pipeline after " + show(sent.toByteArray()), t);
                }
                collect();
            }
        }

        /** What the relay answered so far. */
        Answers answers() {
            collect();
            return Answers.parse(received.toByteArray(), false);
        }

        /** The relay answered only with declared codes and allocated within bounds for {@code fed} bytes. */
        void check(long fed) {
            assertDeclared(answers(), sent.toByteArray());
            long allocated = Fuzz.allocated() - allocatedBefore;
            if (allocatedBefore >= 0 && allocated > ALLOCATION_ALLOWANCE + 64 * fed) {
                throw new Fuzz.ExcessAllocation("a connection fed " + fed + " bytes allocated " + allocated + " bytes: "
                        + show(sent.toByteArray()));
            }
        }

        private void collect() {
            for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
                if (out instanceof ByteBuf buffer) {
                    byte[] bytes = new byte[buffer.readableBytes()];
                    buffer.readBytes(bytes);
                    received.writeBytes(bytes);
                }
                ReferenceCountUtil.release(out);
            }
            // Whatever reached the end of the pipeline unhandled is dropped, as a real pipeline's tail does.
            for (Object in = channel.readInbound(); in != null; in = channel.readInbound()) {
                ReferenceCountUtil.release(in);
            }
        }

        @Override
        public void close() {
            channel.close();
            channel.runPendingTasks();
            collect();
            channel.finishAndReleaseAll();
            try {
                channel.checkException();
            } catch (Throwable t) {
                throw new AssertionError("closing threw after " + show(sent.toByteArray()), t);
            }
        }
    }

    /**
     * What a client reads from the relay: HTTP responses, then, after a 101, WebSocket frames.
     *
     * @param statuses HTTP status codes in order
     * @param closeCodes close codes of close frames (1005 for a close frame without one)
     * @param binaries payloads of binary frames
     */
    record Answers(List<Integer> statuses, List<Integer> closeCodes, List<byte[]> binaries) {

        /**
         * Parses a byte stream from the relay.
         *
         * @param cutAllowed whether the stream may end inside a message (a socket reset)
         */
        static Answers parse(byte[] bytes, boolean cutAllowed) {
            Answers answers = new Answers(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            int at = 0;
            boolean webSocket = false;
            while (at < bytes.length) {
                int next = webSocket ? answers.readFrame(bytes, at) : answers.readResponse(bytes, at);
                if (next < 0) {
                    assertThat(cutAllowed)
                            .as(() -> "the relay's output ends inside a message: " + show(bytes))
                            .isTrue();
                    break;
                }
                if (!webSocket && answers.statuses.get(answers.statuses.size() - 1) == 101) {
                    webSocket = true;
                }
                at = next;
            }
            return answers;
        }

        private int readResponse(byte[] bytes, int at) {
            String rest = new String(bytes, at, bytes.length - at, StandardCharsets.ISO_8859_1);
            int end = rest.indexOf("\r\n\r\n");
            if (end < 0) {
                return -1;
            }
            String head = rest.substring(0, end);
            assertThat(head).as("a response").matches("(?s)HTTP/1\\.[01] \\d{3} .*");
            statuses.add(Integer.parseInt(head.substring(9, 12)));
            int status = statuses.get(statuses.size() - 1);
            String lowerHead = head.toLowerCase();
            if (status == 101) {
                // Only RFC 6455 is upgraded: no obsolete draft's handshake (draft 76 has no Sec-WebSocket-Accept).
                assertThat(lowerHead).as("a 101 of RFC 6455").contains("sec-websocket-accept:");
            } else if (status >= 200) {
                // Without a Content-Length, a client could not tell where the body ends (Netty's legacy handshakers).
                assertThat(lowerHead).as("a response with a body").contains("content-length:");
            }
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            int next = at + end + 4 + length;
            return next <= bytes.length ? next : -1;
        }

        private int readFrame(byte[] bytes, int at) {
            if (bytes.length - at < 2) {
                return -1;
            }
            int opcode = bytes[at] & 0x0f;
            assertThat(bytes[at + 1] & 0x80).as("server frames are not masked").isZero();
            long length = bytes[at + 1] & 0x7f;
            int header = 2;
            if (length >= 126) {
                int extra = length == 126 ? 2 : 8;
                if (bytes.length - at < 2 + extra) {
                    return -1;
                }
                length = 0;
                for (int i = 0; i < extra; i++) {
                    length = length << 8 | (bytes[at + 2 + i] & 0xff);
                }
                header += extra;
            }
            if (bytes.length - at - header < length) {
                return -1;
            }
            int start = at + header;
            if (opcode == 8) {
                assertThat(length).as("a close frame's payload").isNotEqualTo(1);
                closeCodes.add(length == 0 ? 1005 : (bytes[start] & 0xff) << 8 | (bytes[start + 1] & 0xff));
            } else if (opcode == 2) {
                binaries.add(Arrays.copyOfRange(bytes, start, start + (int) length));
            }
            return start + (int) length;
        }
    }
}
