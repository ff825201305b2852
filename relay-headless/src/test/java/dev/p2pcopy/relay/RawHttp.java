package dev.p2pcopy.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Sends one hand-written HTTP request over a plain socket and reads the whole response. */
final class RawHttp {

    /** A parsed response: status code, lower-cased header block and body. */
    record Response(int status, String headers, String body) {}

    private RawHttp() {}

    static Response send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String raw = readAll(socket.getInputStream());
            int headerEnd = raw.indexOf("\r\n\r\n");
            String head = raw.substring(0, headerEnd);
            int status = Integer.parseInt(head.split(" ")[1]);
            return new Response(status, head.toLowerCase(Locale.ROOT), raw.substring(headerEnd + 4));
        }
    }

    static Response get(int port, String target, String... extraHeaders) throws IOException {
        return send(
                port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String.join("", extraHeaders) + "\r\n");
    }

    static String upgradeHeaders() {
        return "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
