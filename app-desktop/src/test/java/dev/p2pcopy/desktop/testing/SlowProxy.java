package dev.p2pcopy.desktop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on 127.0.0.1 in front of a relay that holds the traffic back in two ways, so that a
 * transfer on loopback lasts as long as a test needs, without sleeps or timing luck: it forwards
 * at most a set number of bytes per second in each direction ({@link #rate}: screenshots, watching
 * a transfer), and it can stop the relay-to-client direction after a given number of bytes until
 * {@link #resume} ({@link #pauseAfter}: a transfer that stands still half-way). The
 * client-to-relay direction is never stopped, so that acknowledgements, cancellations and closes
 * still get through. Clients use {@link #url()} as the relay address.
 */
public final class SlowProxy implements AutoCloseable {
    /** A rate or an allowance that holds nothing back. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final String path;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile long bytesPerSecond;
    private long allowance = UNLIMITED; // relay-to-client bytes still let through; guarded by gate

    /**
     * Starts a proxy on 127.0.0.1 and a free port to the relay at {@code relayUrl}.
     *
     * @param bytesPerSecond the rate in each direction, or {@link #UNLIMITED}
     */
    public SlowProxy(String relayUrl, long bytesPerSecond) throws IOException {
        URI relay = URI.create(relayUrl);
        this.target = new InetSocketAddress(relay.getHost(), relay.getPort());
        this.path = relay.getRawPath() == null ? "" : relay.getRawPath();
        this.bytesPerSecond = bytesPerSecond;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "slow-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The relay address through this proxy. */
    public String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Changes the rate for all connections, at once. */
    public void rate(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /** From now on, lets only {@code bytes} more flow from the relay to clients, then holds the rest. */
    public void pauseAfter(long bytes) {
        synchronized (gate) {
            allowance = bytes;
        }
    }

    /** Lets everything flow from the relay to clients again. */
    public void resume() {
        synchronized (gate) {
            allowance = UNLIMITED;
            gate.notifyAll();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, false);
                pump(upstream, client, true);
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** Copies {@code from} to {@code to} at the rate; {@code gated}: also within the allowance. */
    private void pump(Socket from, Socket to, boolean gated) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer, 0, chunk(buffer.length))) >= 0) {
                            for (int off = 0; off < n; ) {
                                int k = gated ? take(n - off, to) : n - off;
                                out.write(buffer, off, k);
                                off += k;
                            }
                            out.flush();
                            // Pace: n bytes take n / rate seconds.
                            LockSupport.parkNanos(n * 1_000_000_000L / Math.max(1, bytesPerSecond));
                        }
                    } catch (IOException e) {
                        // one side went away
                    } finally {
                        try {
                            from.close();
                            to.close();
                        } catch (IOException ignored) {
                            // already closed
                        }
                        synchronized (gate) {
                            gate.notifyAll(); // the other direction may wait for the allowance
                        }
                    }
                },
                "slow-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Waits until some of {@code wanted} bytes may pass to {@code to}; returns how many. */
    private int take(int wanted, Socket to) throws IOException {
        synchronized (gate) {
            while (allowance == 0 && !to.isClosed() && !server.isClosed()) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            if (to.isClosed() || server.isClosed()) {
                throw new IOException("closed");
            }
            int k = (int) Math.min(wanted, allowance);
            if (allowance != UNLIMITED) {
                allowance -= k;
            }
            return k;
        }
    }

    private int chunk(int max) {
        return (int) Math.max(1, Math.min(max, bytesPerSecond / 20));
    }
}
