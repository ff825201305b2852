package dev.p2pcopy.protocol.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.Await;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proxy itself, with plain sockets against small servers on 127.0.0.1. */
@Timeout(30)
class ChaosProxyTest {
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void forwardsEveryByteBothWaysOnParallelConnections() throws Exception {
        TestServer echo = server(TestServer.Mode.ECHO, 0);
        ChaosProxy proxy = proxy(echo, FaultPolicy.NONE);
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] data = random(2 << 20, i);
            runs.add(CompletableFuture.runAsync(() -> {
                try (Socket s = connect(proxy)) {
                    CompletableFuture<Void> writing = writeAsync(s, data, true);
                    assertThat(s.getInputStream().readAllBytes()).isEqualTo(data);
                    writing.get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertThat(proxy.count(ChaosEvent.Kind.OPENED)).isEqualTo(3);
        // A link reports CLOSED before it leaves the open set: wait for both.
        Await.until(
                "three closed links, none open",
                Duration.ofSeconds(5),
                () -> proxy.count(ChaosEvent.Kind.CLOSED) == 3 && proxy.openLinks() == 0);
        assertThat(proxy.count(ChaosEvent.Kind.CUT)).isZero();
    }

    @Test
    void abortiveCutResetsBothEndsAfterExactlyTheOffset() throws Exception {
        TestServer sink = server(TestServer.Mode.SINK, 0);
        ChaosProxy proxy = proxy(sink, (link, random) -> Faults.cut(Direction.UP, 100_000));
        try (Socket s = connect(proxy)) {
            writeAsync(s, random(1 << 20, 1), false);
            assertThatThrownBy(() -> s.getInputStream().read())
                    .isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
        }
        TestServer.Result seen = sink.results().get(0).get(10, TimeUnit.SECONDS);
        assertThat(seen.bytes()).isEqualTo(100_000);
        assertThat(seen.reset()).isTrue();
        ChaosEvent cut = only(proxy, ChaosEvent.Kind.CUT);
        assertThat(cut.direction()).isEqualTo(Direction.UP);
        assertThat(cut.bytes()).isEqualTo(100_000);
    }

    @Test
    void cleanCutSendsFinAfterExactlyTheOffset() throws Exception {
        TestServer source = server(TestServer.Mode.SOURCE, 1 << 20);
        ChaosProxy proxy = proxy(source, (link, random) -> Faults.fin(Direction.DOWN, 50_000));
        try (Socket s = connect(proxy)) {
            s.getOutputStream().write(1); // the proxy connects on once the client has spoken
            byte[] got = s.getInputStream().readAllBytes(); // ends at a FIN, not a reset
            assertThat(got).isEqualTo(Arrays.copyOf(source.sent(), 50_000));
        }
        TestServer.Result seen = source.results().get(0).get(10, TimeUnit.SECONDS);
        assertThat(seen.reset()).isFalse();
        assertThat(seen.bytes()).isEqualTo(1);
        assertThat(only(proxy, ChaosEvent.Kind.FIN).bytes()).isEqualTo(50_000);
    }

    @Test
    void cutCountingBothDirectionsStopsAtTheSum() throws Exception {
        TestServer echo = server(TestServer.Mode.ECHO, 0);
        ChaosProxy proxy = proxy(echo, (link, random) -> Faults.fin(Direction.BOTH, 5_000));
        byte[] data = random(3_000, 2);
        try (Socket s = connect(proxy)) {
            s.getOutputStream().write(data);
            // 3,000 bytes up, then the echo's first 2,000 down make 5,000.
            assertThat(s.getInputStream().readAllBytes()).isEqualTo(Arrays.copyOf(data, 2_000));
        }
        assertThat(only(proxy, ChaosEvent.Kind.FIN).bytes()).isEqualTo(5_000);
    }

    @Test
    void stallStopsBothDirectionsWithoutClosingUntilTheProxyCloses() throws Exception {
        TestServer source = server(TestServer.Mode.SOURCE, 1 << 20);
        ChaosProxy proxy = proxy(source, (link, random) -> Faults.stall(Direction.DOWN, 10_000, null));
        try (Socket s = connect(proxy)) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(1);
            assertThat(in.readNBytes(10_000)).isEqualTo(Arrays.copyOf(source.sent(), 10_000));
            s.setSoTimeout(500);
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
            out.write(new byte[100]); // goes nowhere while stalled
            Await.until("the server's first byte", Duration.ofSeconds(5), () -> source.received() >= 1);
            out.write(2);
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
            assertThat(source.received()).isEqualTo(1);
            assertThat(source.results().get(0)).isNotDone();
            assertThat(only(proxy, ChaosEvent.Kind.STALLED).bytes()).isEqualTo(10_000);
            assertThat(proxy.openLinks()).isEqualTo(1);

            proxy.close();
            s.setSoTimeout(5_000);
            assertThatThrownBy(() -> in.read()).isInstanceOf(SocketException.class);
        }
        assertThat(source.results().get(0).get(10, TimeUnit.SECONDS).reset()).isTrue();
        Await.until("no open links", Duration.ofSeconds(5), () -> proxy.openLinks() == 0);
    }

    @Test
    void stallWithDurationResumesAndLosesNothing() throws Exception {
        TestServer source = server(TestServer.Mode.SOURCE, 1 << 20);
        Duration stall = Duration.ofMillis(400);
        ChaosProxy proxy = proxy(source, (link, random) -> Faults.stall(Direction.DOWN, 10_000, stall));
        long start = System.nanoTime();
        try (Socket s = connect(proxy)) {
            s.getOutputStream().write(1);
            assertThat(s.getInputStream().readAllBytes()).isEqualTo(source.sent());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(stall);
        ChaosEvent stalled = only(proxy, ChaosEvent.Kind.STALLED);
        ChaosEvent resumed = only(proxy, ChaosEvent.Kind.RESUMED);
        assertThat(Duration.ofNanos(resumed.nanos() - stalled.nanos())).isGreaterThanOrEqualTo(stall);
    }

    @Test
    void throttleCapsTheRate() throws Exception {
        int size = 300 * 1024;
        long rate = 600 * 1024;
        TestServer source = server(TestServer.Mode.SOURCE, size);
        ChaosProxy proxy = proxy(source, (link, random) -> Faults.throttle(rate));
        long start = System.nanoTime();
        try (Socket s = connect(proxy)) {
            s.getOutputStream().write(1);
            assertThat(s.getInputStream().readAllBytes()).isEqualTo(source.sent());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // 0.5 s at the cap; the first slice goes at once, so allow a little less.
        assertThat(took).isBetween(Duration.ofMillis(450), Duration.ofSeconds(10));
    }

    @Test
    void closeResetsOpenConnectionsAndStopsAccepting() throws Exception {
        TestServer echo = server(TestServer.Mode.ECHO, 0);
        ChaosProxy proxy = proxy(echo, FaultPolicy.NONE);
        try (Socket a = connect(proxy);
                Socket b = connect(proxy);
                Socket silent = connect(proxy)) {
            for (Socket s : List.of(a, b)) {
                s.getOutputStream().write(7);
                assertThat(s.getInputStream().read()).isEqualTo(7);
            }
            Await.until("the silent client accepted", Duration.ofSeconds(5), () -> proxy.accepted() == 3);
            proxy.close();
            for (Socket s : List.of(a, b)) {
                s.setSoTimeout(5_000);
                assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketException.class);
            }
            silent.setSoTimeout(5_000);
            assertThat(silent.getInputStream().read()).isEqualTo(-1); // never linked: a plain close
        }
        assertThatThrownBy(() -> connect(proxy)).isInstanceOf(ConnectException.class);
        Await.until("no open links", Duration.ofSeconds(5), () -> proxy.openLinks() == 0);
    }

    @Test
    void policySeesRoomRoleAndAttemptsAndDrawsSeededRandoms() throws Exception {
        TestServer echo = server(TestServer.Mode.ECHO, 0);
        List<FaultPolicy.LinkInfo> seen = new CopyOnWriteArrayList<>();
        List<Long> draws = new CopyOnWriteArrayList<>();
        FaultPolicy recording = (link, random) -> {
            seen.add(link);
            draws.add(random.nextLong());
            return link.attempt() == 0 ? Faults.throttle(1 << 30) : Faults.stall(Direction.UP, 1 << 20, null);
        };
        List<Long> firstRun = null;
        for (int run = 0; run < 2; run++) {
            seen.clear();
            draws.clear();
            ChaosProxy proxy = proxy(echo, recording);
            for (String role : List.of("sender", "sender", "receiver")) {
                byte[] head = upgrade(role);
                try (Socket s = connect(proxy)) {
                    s.getOutputStream().write(head);
                    assertThat(s.getInputStream().readNBytes(head.length)).isEqualTo(head);
                    // Counted once the write returns, which can be just after the client has read.
                    Await.until(
                            "both directions counted",
                            Duration.ofSeconds(5),
                            () -> Arrays.equals(
                                    proxy.forwarded("abc123", role), new long[] {head.length, head.length}));
                }
            }
            assertThat(seen)
                    .extracting(l -> l.room() + "/" + l.role() + "/" + l.attempt() + "/" + l.roomFaults())
                    .containsExactly("abc123/sender/0/0", "abc123/sender/1/0", "abc123/receiver/0/1");
            assertThat(proxy.events())
                    .filteredOn(e -> e.kind() == ChaosEvent.Kind.OPENED)
                    .extracting(ChaosEvent::role)
                    .containsExactly("sender", "sender", "receiver");
            assertThat(proxy.forwarded("abc123", "nobody")).containsExactly(0, 0);
            Await.until("three closed links", Duration.ofSeconds(5), () -> proxy.count(ChaosEvent.Kind.CLOSED) == 3);
            assertThat(proxy.history("abc123"))
                    .startsWith("0 OPENED sender#0")
                    .contains("CLOSED receiver#2 up " + upgrade("receiver").length + " down "
                            + upgrade("receiver").length);
            assertThat(proxy.history("elsewhere")).isEqualTo("no connections");
            if (firstRun == null) {
                firstRun = List.copyOf(draws);
            } else {
                assertThat(draws).isEqualTo(firstRun);
            }
        }
        assertThat(firstRun).doesNotHaveDuplicates();
    }

    @Test
    void randomFaultsFollowTheirKnobs() {
        FaultPolicy.LinkInfo fresh = new FaultPolicy.LinkInfo(0, "room", "sender", 0, 0, 0);
        RandomFaults always = RandomFaults.cuts(1.0).withRange(10, 20).withDirection(l -> Direction.UP);
        Faults f = always.plan(fresh, new Random(1));
        assertThat(f.cut().abortive()).isTrue();
        assertThat(f.cut().direction()).isEqualTo(Direction.UP);
        assertThat(f.cut().atByte()).isBetween(10L, 20L);
        assertThat(always.plan(fresh, new Random(1))).isEqualTo(f);

        assertThat(RandomFaults.cuts(0).plan(fresh, new Random(1))).isEqualTo(Faults.NONE);
        assertThat(always.withAbortiveShare(0).plan(fresh, new Random(1)).cut().abortive())
                .isFalse();
        Faults stall = RandomFaults.cuts(0).withStalls(1.0, null).plan(fresh, new Random(1));
        assertThat(stall.stall().forever()).isTrue();
        assertThat(stall.cut()).isNull();
        assertThat(always.withThrottle(1000).plan(fresh, new Random(1)).bytesPerSecond())
                .isEqualTo(1000);

        RandomFaults limited = always.withLimits(2, 5).withThrottle(1000);
        assertThat(limited.plan(new FaultPolicy.LinkInfo(0, "room", "sender", 3, 2, 2), new Random(1)))
                .isEqualTo(Faults.throttle(1000));
        assertThat(limited.plan(new FaultPolicy.LinkInfo(0, "room", "sender", 0, 0, 5), new Random(1)))
                .isEqualTo(Faults.throttle(1000));
        assertThat(limited.plan(new FaultPolicy.LinkInfo(0, "room", "sender", 1, 1, 4), new Random(1))
                        .count())
                .isEqualTo(1);

        int cuts = 0;
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            cuts += RandomFaults.cuts(0.3).plan(fresh, random).count();
        }
        assertThat(cuts).isBetween(230, 370);
    }

    // ---- helpers ----

    private TestServer server(TestServer.Mode mode, int sendBytes) throws IOException {
        TestServer s = new TestServer(mode, sendBytes);
        toClose.add(s);
        return s;
    }

    private ChaosProxy proxy(TestServer target, FaultPolicy policy) throws IOException {
        ChaosProxy p = ChaosProxy.start(target.port(), policy, 42);
        toClose.add(p);
        return p;
    }

    private static Socket connect(ChaosProxy proxy) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    }

    /** The first lines of a WebSocket upgrade to room abc123 as {@code role}. */
    private static byte[] upgrade(String role) {
        return ("GET /v1/rooms/abc123?role=" + role + " HTTP/1.1\r\nHost: x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static ChaosEvent only(ChaosProxy proxy, ChaosEvent.Kind kind) {
        List<ChaosEvent> matching =
                proxy.events().stream().filter(e -> e.kind() == kind).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Writes {@code data} on another thread (the proxy may cut mid-write); then a FIN if {@code finish}. */
    private static CompletableFuture<Void> writeAsync(Socket s, byte[] data, boolean finish) {
        return CompletableFuture.runAsync(() -> {
            try {
                s.getOutputStream().write(data);
                if (finish) {
                    s.shutdownOutput();
                }
            } catch (IOException e) {
                // cut while writing: expected by the tests that cut
            }
        });
    }

    /**
     * A server on 127.0.0.1 that, per connection, echoes, or counts what it reads and (SOURCE)
     * also sends a fixed stream, then a FIN.
     */
    static final class TestServer implements AutoCloseable {
        enum Mode {
            ECHO,
            SINK,
            SOURCE
        }

        /** How a connection ended on the server: bytes read, and whether it was reset. */
        record Result(long bytes, boolean reset) {}

        private final Mode mode;
        private final byte[] sent;
        private final ServerSocket listener;
        private final List<CompletableFuture<Result>> results = new CopyOnWriteArrayList<>();
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile long received;

        TestServer(Mode mode, int sendBytes) throws IOException {
            this.mode = mode;
            this.sent = random(sendBytes, 99);
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::acceptLoop, "test-server");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        byte[] sent() {
            return sent;
        }

        /** Bytes read so far over all connections. */
        long received() {
            return received;
        }

        /** One future per accepted connection, in order. */
        List<CompletableFuture<Result>> results() {
            Await.until("a connection at the server", Duration.ofSeconds(5), () -> !results.isEmpty());
            return results;
        }

        private void acceptLoop() {
            try {
                while (true) {
                    Socket s = listener.accept();
                    sockets.add(s);
                    CompletableFuture<Result> result = new CompletableFuture<>();
                    results.add(result);
                    Thread t = new Thread(() -> serve(s, result), "test-server-conn");
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException e) {
                // closed
            }
        }

        private void serve(Socket s, CompletableFuture<Result> result) {
            if (mode == Mode.SOURCE) {
                writeAsync(s, sent, true);
            }
            long count = 0;
            boolean reset = false;
            byte[] buffer = new byte[8192];
            try {
                InputStream in = s.getInputStream();
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    count += n;
                    received += n;
                    if (mode == Mode.ECHO) {
                        s.getOutputStream().write(buffer, 0, n);
                    }
                }
                if (mode == Mode.ECHO) {
                    s.shutdownOutput();
                }
            } catch (IOException e) {
                reset = true;
            }
            result.complete(new Result(count, reset));
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
