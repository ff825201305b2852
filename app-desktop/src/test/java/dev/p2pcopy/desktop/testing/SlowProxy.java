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
 * A TCP proxy in front of a relay that forwards at most a set number of bytes per second in
 * each direction, so that a transfer on loopback lasts long enough to be watched (screenshots,
 * cancelling mid-transfer). Clients use {@link #url()} as the relay address.
 */
public final class SlowProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile long bytesPerSecond;

    /** Starts a proxy on 127.0.0.1 and a free port to the relay at {@code relayUrl}. */
    public SlowProxy(String relayUrl, long bytesPerSecond) throws IOException {
        URI relay = URI.create(relayUrl);
        this.target = new InetSocketAddress(relay.getHost(), relay.getPort());
        this.bytesPerSecond = bytesPerSecond;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "slow-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The relay address through this proxy. */
    public String url() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    /** Changes the rate for all connections, at once. */
    public void rate(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
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
                pump(client, upstream);
                pump(upstream, client);
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer, 0, chunk(buffer.length))) >= 0) {
                            out.write(buffer, 0, n);
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
                    }
                },
                "slow-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private int chunk(int max) {
        return (int) Math.max(1, Math.min(max, bytesPerSecond / 20));
    }
}
