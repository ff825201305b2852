package dev.p2pcopy.protocol.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting TCP proxy on 127.0.0.1 in front of a server (the relay). Each accepted
 * connection gets one to the server and the {@link Faults} its {@link FaultPolicy} plans: cut
 * (reset or FIN) after some bytes, stall both ways without closing, throttle. Everything that
 * happens is recorded as {@link ChaosEvent}s with timestamps. Test-only.
 *
 * <p>The proxy reads the client's first line before connecting on: a WebSocket upgrade names
 * the relay room and the role ({@code GET /.../<room>?role=sender}), which lets a policy limit
 * faults per transfer and lets the events be matched to transfers. A client that sends nothing
 * first is never connected on.
 */
final class ChaosProxy implements AutoCloseable {
    /** The most of the first line read before it is given up on as a label. */
    private static final int FIRST_LINE_LIMIT = 4096;

    private final ServerSocket listener;
    private final int targetPort;
    private final FaultPolicy policy;
    private final long seed;
    private final AtomicInteger accepted = new AtomicInteger();
    private final Set<Link> open = ConcurrentHashMap.newKeySet();
    /** Accepted clients whose first line is still awaited: not linked yet, closed by {@link #close()} too. */
    private final Set<Socket> unlinked = ConcurrentHashMap.newKeySet();

    private final List<ChaosEvent> events = new ArrayList<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<String, Integer> roomFaults = new HashMap<>();
    private int totalFaults;
    private volatile boolean closed;

    private ChaosProxy(int targetPort, FaultPolicy policy, long seed) throws IOException {
        this.targetPort = targetPort;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.seed = seed;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "chaos-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a proxy in front of 127.0.0.1:{@code targetPort}. */
    static ChaosProxy start(int targetPort, FaultPolicy policy, long seed) throws IOException {
        return new ChaosProxy(targetPort, policy, seed);
    }

    /** The address clients use instead of the relay's. */
    URI uri() {
        return URI.create("ws://127.0.0.1:" + port());
    }

    /** The proxy's port. */
    int port() {
        return listener.getLocalPort();
    }

    /** Every event so far, in the order they happened. */
    List<ChaosEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /**
     * The events of {@code room}'s connections as text, times in ms from the first, for failure
     * messages: e.g. {@code 0 OPENED send#3, 41 CUT send#3 UP@5137}.
     */
    String history(String room) {
        List<ChaosEvent> mine =
                events().stream().filter(e -> e.room().equals(room)).toList();
        if (mine.isEmpty()) {
            return "no connections";
        }
        long start = mine.get(0).nanos();
        StringBuilder out = new StringBuilder();
        for (ChaosEvent e : mine) {
            out.append(out.length() == 0 ? "" : ", ")
                    .append((e.nanos() - start) / 1_000_000)
                    .append(' ')
                    .append(e.kind())
                    .append(' ')
                    .append(e.role())
                    .append('#')
                    .append(e.link());
            if (e.kind() != ChaosEvent.Kind.OPENED) {
                out.append(" up ").append(e.up()).append(" down ").append(e.down());
            }
        }
        return out.toString();
    }

    /** How many events of {@code kind} happened so far. */
    long count(ChaosEvent.Kind kind) {
        synchronized (events) {
            return events.stream().filter(e -> e.kind() == kind).count();
        }
    }

    /** Connections accepted so far. */
    int accepted() {
        return accepted.get();
    }

    /** Connections still open (stalled ones included). */
    int openLinks() {
        return open.size();
    }

    /**
     * Bytes forwarded so far on the newest open connection to {@code room} as {@code role}:
     * client to server, then server to client; zeros if there is none.
     */
    long[] forwarded(String room, String role) {
        return open.stream()
                .filter(l -> l.info().room().equals(room) && l.info().role().equals(role))
                .max(Comparator.comparingInt(l -> l.info().index()))
                .map(Link::forwarded)
                .orElse(new long[2]);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                unlinked.add(client);
                if (closed) {
                    closeQuietly(client);
                }
                int index = accepted.getAndIncrement();
                Thread t = new Thread(() -> serve(client, index), "chaos-proxy-" + index + "-up");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed, or a connection that broke while being accepted
            }
        }
    }

    private void serve(Socket client, int index) {
        Socket server = null;
        try {
            client.setTcpNoDelay(true);
            byte[] first = new byte[FIRST_LINE_LIMIT];
            int length = readFirst(client.getInputStream(), first);
            if (length <= 0) {
                client.close();
                return;
            }
            String[] roomAndRole = roomAndRole(first, length);
            Faults faults;
            FaultPolicy.LinkInfo info;
            synchronized (attempts) {
                String room = roomAndRole[0];
                int attempt = attempts.merge(room + "?" + roomAndRole[1], 1, Integer::sum) - 1;
                info = new FaultPolicy.LinkInfo(
                        index, room, roomAndRole[1], attempt, roomFaults.getOrDefault(room, 0), totalFaults);
                faults = policy.plan(info, new Random(linkSeed(info)));
                roomFaults.merge(room, faults.count(), Integer::sum);
                totalFaults += faults.count();
            }
            server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            server.setTcpNoDelay(true);
            Link link = new Link(info, faults, client, server, this::record, open::remove);
            open.add(link);
            if (closed) {
                link.end(true);
                return;
            }
            unlinked.remove(client);
            link.run(first, length);
        } catch (IOException e) {
            closeQuietly(client);
            if (server != null) {
                closeQuietly(server);
            }
        } finally {
            unlinked.remove(client);
        }
    }

    /** Reads until the first line is complete, or the bytes are plainly no HTTP request. */
    private static int readFirst(InputStream in, byte[] buffer) throws IOException {
        int length = 0;
        while (length < buffer.length) {
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
            if (!startsLikeGet(buffer, length) || indexOfCrlf(buffer, length) >= 0) {
                break;
            }
        }
        return length;
    }

    private static boolean startsLikeGet(byte[] buffer, int length) {
        byte[] get = "GET ".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < Math.min(length, get.length); i++) {
            if (buffer[i] != get[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfCrlf(byte[] buffer, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The last path segment and the {@code role} parameter of a {@code GET} line; empty strings otherwise. */
    private static String[] roomAndRole(byte[] buffer, int length) {
        int end = indexOfCrlf(buffer, length);
        if (!startsLikeGet(buffer, length) || end < 0) {
            return new String[] {"", ""};
        }
        String[] parts = new String(buffer, 0, end, StandardCharsets.US_ASCII).split(" ");
        if (parts.length < 2) {
            return new String[] {"", ""};
        }
        String target = parts[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String room = path.substring(path.lastIndexOf('/') + 1);
        String role = "";
        if (q >= 0) {
            for (String param : target.substring(q + 1).split("&")) {
                if (param.startsWith("role=")) {
                    role = param.substring("role=".length());
                }
            }
        }
        return new String[] {room, role};
    }

    /** A connection's own seed: the same room, role and attempt draw the same faults in every run. */
    private long linkSeed(FaultPolicy.LinkInfo info) {
        long identity = info.room().isEmpty() ? info.index() : Objects.hash(info.room(), info.role(), info.attempt());
        return Seeds.derive(seed, identity);
    }

    private void record(ChaosEvent event) {
        synchronized (events) {
            events.add(event);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Stops accepting and resets every connection, stalled ones included. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Link link : List.copyOf(open)) {
            link.end(true);
        }
        for (Socket client : List.copyOf(unlinked)) {
            closeQuietly(client);
        }
    }
}
