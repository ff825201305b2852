package dev.p2pcopy.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of the relay that flips one byte in flight: inside the payload of the
 * first large binary WebSocket frame going from the relay to the client, well past the frame
 * and DATA headers. Server-to-client frames are not masked, so the byte lands in file content
 * unchanged. Test-only; models a relay or network that alters data.
 */
final class TamperingProxy implements AutoCloseable {
    /** Frames at least this long are file content. */
    private static final int LARGE_FRAME = 32 * 1024;
    /** Where in the payload the byte is flipped: well past the 31 bytes of headers. */
    private static final int FLIP_AT = 1000;

    private final ServerSocket server;
    private final int relayPort;
    private final AtomicBoolean tampered = new AtomicBoolean();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    TamperingProxy(int relayPort) throws IOException {
        this.relayPort = relayPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tampering-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The address clients use instead of the relay's. */
    URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort());
    }

    /** Whether a byte has been flipped. */
    boolean tampered() {
        return tampered.get();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = server.accept();
                Socket relay = new Socket(InetAddress.getLoopbackAddress(), relayPort);
                sockets.add(client);
                sockets.add(relay);
                start(() -> copy(client.getInputStream(), relay.getOutputStream()), client, relay);
                start(() -> tamper(relay.getInputStream(), client.getOutputStream()), client, relay);
            }
        } catch (IOException e) {
            // closed
        }
    }

    private interface Pump {
        void run() throws IOException;
    }

    private static void start(Pump pump, Socket... pair) {
        Thread t = new Thread(
                () -> {
                    try {
                        pump.run();
                    } catch (IOException e) {
                        // a side closed
                    } finally {
                        closeQuietly(List.of(pair));
                    }
                },
                "tampering-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    /** Passes the HTTP response through, then walks the WebSocket frames. */
    private void tamper(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            headers.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        out.write(headers.toByteArray());
        out.flush();
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int b0 = readByte(in);
            int b1 = readByte(in);
            out.write(b0);
            out.write(b1);
            long length = b1 & 0x7f;
            int extra = length == 126 ? 2 : length == 127 ? 8 : 0;
            if (extra > 0) {
                length = 0;
                for (int i = 0; i < extra; i++) {
                    int b = readByte(in);
                    out.write(b);
                    length = (length << 8) | b;
                }
            }
            if ((b1 & 0x80) != 0) {
                for (int i = 0; i < 4; i++) {
                    out.write(readByte(in));
                }
            }
            boolean binary = (b0 & 0x0f) == 2;
            boolean flip = binary && length >= LARGE_FRAME && tampered.compareAndSet(false, true);
            long position = 0;
            while (position < length) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - position));
                if (n < 0) {
                    return;
                }
                if (flip && position <= FLIP_AT && FLIP_AT < position + n) {
                    buffer[(int) (FLIP_AT - position)] ^= 0x01;
                }
                out.write(buffer, 0, n);
                position += n;
            }
            out.flush();
        }
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("closed");
        }
        return b;
    }

    private static void closeQuietly(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeQuietly(sockets);
    }
}
