package dev.p2pcopy.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Plain sockets from a chosen loopback address: Linux routes all of 127/8 to the loopback interface, so a socket
 * bound to 127.0.0.2 reaches a relay on 127.0.0.1 and looks like another client.
 */
final class ClientSockets {

    /** A second client address on this machine. */
    static final String OTHER_ADDRESS = "127.0.0.2";

    private ClientSockets() {}

    /** Opens a TCP connection from {@code localAddress} to the relay, and sends nothing. */
    static Socket open(String localAddress, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends {@code text} and reads the answer up to the end of its header, or "" if the relay closed at once. */
    static String sendAndReadHead(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b;
            try {
                b = in.read();
            } catch (IOException reset) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Sends a whole request and reads until the relay closes; "" if it closed without answering. */
    static String exchange(String localAddress, int port, String request) throws IOException {
        try (Socket socket = open(localAddress, port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (IOException reset) {
                // Closed at accept: the request may meet a reset instead of a clean end.
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** Whether the relay has closed the socket: true on end of stream or reset, false if nothing came in time. */
    static boolean closedByRelay(Socket socket, int waitMillis) throws IOException {
        socket.setSoTimeout(waitMillis);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
