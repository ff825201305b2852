package dev.p2pcopy.desktop.transfers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP pass-through on 127.0.0.1 in front of the relay whose relay-to-client direction can stop
 * after a given number of bytes: a transfer through it stands still half-way, as long as the test
 * needs, without sleeps or timing luck. The client-to-relay direction always flows, so that
 * acknowledgements, cancellations and closes still get through.
 */
final class PausableProxy implements AutoCloseable {
    private static final long UNLIMITED = Long.MAX_VALUE;

    private final URI relay;
    private final ServerSocket server;
    private final Object gate = new Object();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private long allowance = UNLIMITED; // relay-to-client bytes still let through; guarded by gate

    /** Starts listening; connections go on to {@code relay}. */
    PausableProxy(URI relay) throws IOException {
        this.relay = relay;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "test-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The relay address that goes through the proxy. */
    String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + (relay.getRawPath() == null ? "" : relay.getRawPath());
    }

    /** From now on, lets only {@code bytes} more flow from the relay to clients, then holds the rest. */
    void pauseAfter(long bytes) {
        synchronized (gate) {
            allowance = bytes;
        }
    }

    /** Lets everything flow again. */
    void resume() {
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

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), relay.getPort());
                sockets.add(client);
                sockets.add(upstream);
                Pair pair = new Pair(client, upstream);
                start("test-proxy-up", () -> pair.pump(client.getInputStream(), upstream.getOutputStream(), false));
                start("test-proxy-down", () -> pair.pump(upstream.getInputStream(), client.getOutputStream(), true));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void start(String name, Pump pump) {
        Thread t = new Thread(
                () -> {
                    try {
                        pump.run();
                    } catch (IOException e) {
                        // The pair is closed below either way.
                    }
                },
                name);
        t.setDaemon(true);
        t.start();
    }

    /** A task that copies bytes. */
    @FunctionalInterface
    private interface Pump {
        void run() throws IOException;
    }

    /** One client connection and its connection to the relay. */
    private final class Pair {
        private final Socket client;
        private final Socket upstream;
        private boolean closed; // guarded by gate

        Pair(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void pump(InputStream in, OutputStream out, boolean gated) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (int off = 0; off < n; ) {
                        int k = gated ? take(n - off) : n - off;
                        out.write(buffer, off, k);
                        off += k;
                    }
                    out.flush();
                }
            } finally {
                closeBoth();
            }
        }

        /** Waits until some of {@code wanted} bytes may pass; returns how many. */
        private int take(int wanted) throws IOException {
            synchronized (gate) {
                while (allowance == 0 && !closed && !server.isClosed()) {
                    try {
                        gate.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                }
                if (closed || server.isClosed()) {
                    throw new IOException("closed");
                }
                int k = (int) Math.min(wanted, allowance);
                if (allowance != UNLIMITED) {
                    allowance -= k;
                }
                return k;
            }
        }

        private void closeBoth() throws IOException {
            synchronized (gate) {
                closed = true;
                gate.notifyAll();
            }
            client.close();
            upstream.close();
        }
    }
}
