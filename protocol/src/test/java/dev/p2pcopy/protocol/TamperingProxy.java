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
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of the relay that plays a hostile relay or network. It walks the
 * WebSocket frames in both directions, records every payload byte (unmasked) for wire tests, and
 * applies one {@link Attack} to the first large binary message going from the relay to the
 * client: file content, since small messages are control frames. Test-only.
 */
final class TamperingProxy implements AutoCloseable {
    /** What to do to the first large message from the relay. */
    enum Attack {
        /** Pass everything through unchanged. */
        NONE,
        /** Flip one bit well inside the payload. */
        FLIP,
        /** Leave the message out. */
        DROP,
        /** Send the next message first, then this one. */
        REORDER,
        /** Send the message twice. */
        REPLAY,
        /** Send a forged message with the same headers and random content before it. */
        INJECT
    }

    /** Messages at least this long are file content. */
    private static final int LARGE_FRAME = 32 * 1024;
    /** Where in the payload a bit is flipped: past every header. */
    private static final int FLIP_AT = 1000;
    /** Frame header (14) + DATA header (17): what a forged clear DATA message keeps. */
    private static final int KEPT_HEADERS = 31;

    private final ServerSocket server;
    private final int relayPort;
    private final Attack attack;
    private final AtomicBoolean tampered = new AtomicBoolean();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();

    TamperingProxy(int relayPort) throws IOException {
        this(relayPort, Attack.FLIP);
    }

    TamperingProxy(int relayPort, Attack attack) throws IOException {
        this.relayPort = relayPort;
        this.attack = attack;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tampering-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The address clients use instead of the relay's. */
    URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort());
    }

    /** Whether the attack has been carried out. */
    boolean tampered() {
        return tampered.get();
    }

    /** Every byte seen so far in both directions: HTTP heads and unmasked WebSocket payloads. */
    byte[] wire() {
        synchronized (wire) {
            return wire.toByteArray();
        }
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = server.accept();
                Socket relay = new Socket(InetAddress.getLoopbackAddress(), relayPort);
                sockets.add(client);
                sockets.add(relay);
                start(() -> pump(client.getInputStream(), relay.getOutputStream(), false), client, relay);
                start(() -> pump(relay.getInputStream(), client.getOutputStream(), true), client, relay);
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

    /** Passes the HTTP head through, then walks the WebSocket frames one message at a time. */
    private void pump(InputStream in, OutputStream out, boolean fromRelay) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = readByte(in);
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        record(head.toByteArray());
        out.write(head.toByteArray());
        out.flush();
        Message held = null;
        while (true) {
            Message m = Message.read(in);
            record(m.unmaskedPayload());
            if (held != null) {
                m.write(out);
                held.write(out);
                held = null;
            } else if (fromRelay && m.isLarge() && tampered.compareAndSet(false, attack != Attack.NONE)) {
                held = attack(m, out);
            } else {
                m.write(out);
            }
            out.flush();
        }
    }

    /** Carries out the attack on {@code m}; returns a message to send after the next one, if any. */
    private Message attack(Message m, OutputStream out) throws IOException {
        switch (attack) {
            case FLIP -> {
                m.payload[FLIP_AT] ^= 0x01;
                m.write(out);
            }
            case DROP -> {
                // left out
            }
            case REORDER -> {
                return m;
            }
            case REPLAY -> {
                m.write(out);
                m.write(out);
            }
            case INJECT -> {
                Message forged = m.copy();
                byte[] noise = new byte[forged.payload.length - KEPT_HEADERS];
                new Random(7).nextBytes(noise);
                System.arraycopy(noise, 0, forged.payload, KEPT_HEADERS, noise.length);
                forged.write(out);
                m.write(out);
            }
            case NONE -> m.write(out);
        }
        return null;
    }

    private void record(byte[] bytes) {
        synchronized (wire) {
            wire.write(bytes, 0, bytes.length);
        }
    }

    /** One WebSocket frame as it arrived: its header bytes and its payload (masked if the client sent it). */
    private record Message(byte[] header, byte[] mask, byte[] payload, boolean binary) {
        static Message read(InputStream in) throws IOException {
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            int b0 = readByte(in);
            int b1 = readByte(in);
            header.write(b0);
            header.write(b1);
            long length = b1 & 0x7f;
            int extra = length == 126 ? 2 : length == 127 ? 8 : 0;
            if (extra > 0) {
                length = 0;
                for (int i = 0; i < extra; i++) {
                    int b = readByte(in);
                    header.write(b);
                    length = (length << 8) | b;
                }
            }
            byte[] mask = null;
            if ((b1 & 0x80) != 0) {
                mask = in.readNBytes(4);
            }
            byte[] payload = in.readNBytes((int) length);
            if (payload.length < length) {
                throw new IOException("closed");
            }
            return new Message(header.toByteArray(), mask, payload, (b0 & 0x0f) == 2);
        }

        boolean isLarge() {
            return binary && payload.length >= LARGE_FRAME;
        }

        byte[] unmaskedPayload() {
            byte[] plain = payload.clone();
            if (mask != null) {
                for (int i = 0; i < plain.length; i++) {
                    plain[i] ^= mask[i & 3];
                }
            }
            return plain;
        }

        Message copy() {
            return new Message(header, mask, payload.clone(), binary);
        }

        void write(OutputStream out) throws IOException {
            out.write(header);
            if (mask != null) {
                out.write(mask);
            }
            out.write(payload);
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
