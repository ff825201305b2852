package dev.p2pcopy.desktop.relay;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Asks {@code http://HOST:PORT/healthz} whether a p2p-copy relay listens on a port. */
final class HealthProbe {
    /** What answered on the port. */
    enum Answer {
        /** A p2p-copy relay: {@code /healthz} said {@code ok}. */
        RELAY,
        /** Nothing listens: the connection was refused. */
        NOTHING,
        /** Something listens but did not answer like a relay. */
        OTHER
    }

    /** The relay's health answer is two bytes; read a little more to see it is not longer. */
    private static final int MAX_BODY = 64;

    private final String host;
    private final int port;
    private final Duration timeout;

    HealthProbe(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    Answer check() {
        HttpURLConnection http = null;
        try {
            URI uri = new URI("http", null, host, port, "/healthz", null, null);
            // NO_PROXY: a configured proxy must not answer for a port on this machine.
            http = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            http.setConnectTimeout((int) timeout.toMillis());
            http.setReadTimeout((int) timeout.toMillis());
            http.setUseCaches(false);
            if (http.getResponseCode() != HttpURLConnection.HTTP_OK) {
                return Answer.OTHER;
            }
            try (InputStream in = http.getInputStream()) {
                String body = new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
                return body.strip().equals("ok") ? Answer.RELAY : Answer.OTHER;
            }
        } catch (ConnectException e) {
            return Answer.NOTHING;
        } catch (IOException | URISyntaxException e) {
            // Garbage instead of HTTP, a timeout, a reset: whatever it is, it is not our relay.
            return Answer.OTHER;
        } finally {
            if (http != null) {
                http.disconnect();
            }
        }
    }
}
