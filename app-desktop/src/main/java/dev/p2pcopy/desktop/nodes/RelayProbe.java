package dev.p2pcopy.desktop.nodes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.p2pcopy.relay.RelayContract;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Asks a relay how it is: {@code GET /v1/stats} over HTTP ({@code ws://}) or HTTPS ({@code
 * wss://}), timed, falling back to {@code /healthz} for a relay that publishes no statistics. A
 * {@code wss://} relay's certificate is checked like the transfers check it: the system's trust
 * store plus the certificate the settings trust. Blocking: call it off the FX thread.
 */
final class RelayProbe {
    /** The longest a probe waits for the connection, and then for the answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpClient client;
    private String clientCertificate;
    /** Whether {@link #client} has made a request: the first one loads classes and sets TLS up, which is not latency. */
    private boolean warm;

    /**
     * Probes {@code target}; never throws.
     *
     * @param target the relay
     * @param trustedCertificate a certificate file to trust besides the system's, or blank
     */
    RelayStatus probe(RelayTarget target, String trustedCertificate) {
        if (target.uri() == null) {
            return RelayStatus.unreachable(target.problem());
        }
        URI relay = target.uri();
        HttpClient http;
        try {
            http = client(trustedCertificate.strip());
        } catch (NoSuchFileException e) {
            return RelayStatus.unreachable("The certificate file to trust, " + e.getFile() + ", does not exist.");
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            return RelayStatus.unreachable(
                    "The certificate file to trust cannot be read as a certificate (PEM or DER X.509).");
        }
        try {
            if (!warm) {
                get(http, relay, RelayContract.HEALTH_PATH);
                warm = true;
            }
            long start = System.nanoTime();
            HttpResponse<String> answer = get(http, relay, RelayContract.STATS_PATH);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            if (answer.statusCode() == 200) {
                return parse(answer.body(), millis, relay);
            }
            if (answer.statusCode() == 404
                    && get(http, relay, RelayContract.HEALTH_PATH)
                            .body()
                            .strip()
                            .equals("ok")) {
                return RelayStatus.healthyWithoutStats(millis);
            }
            return RelayStatus.unreachable("Something answers at " + hostAndPort(relay) + ", but not like a"
                    + " p2p-copy relay (HTTP " + answer.statusCode() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RelayStatus.unreachable("The check of the relay was interrupted.");
        } catch (IOException | IllegalArgumentException e) {
            return RelayStatus.unreachable(sentence(e, target));
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI relay, String path)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(httpUri(relay, path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The relay's HTTP address of {@code path}: {@code ws} becomes {@code http}, {@code wss} {@code https}. */
    static URI httpUri(URI relay, String path) {
        String scheme = "wss".equalsIgnoreCase(relay.getScheme()) ? "https" : "http";
        try {
            return new URI(scheme, null, relay.getHost(), relay.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The relay address " + relay + " has no usable host.", e);
        }
    }

    private static RelayStatus parse(String body, long millis, URI relay) {
        JsonNode stats;
        try {
            stats = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            stats = null;
        }
        if (stats == null || !stats.isObject() || !stats.path("roomsWaiting").isNumber()) {
            return RelayStatus.unreachable(
                    "Something answers at " + hostAndPort(relay) + ", but its statistics are not a p2p-copy relay's.");
        }
        return new RelayStatus(
                true,
                "",
                millis,
                stats.path("version").asText(""),
                stats.path("roomsWaiting").asLong(-1),
                stats.path("roomsPaired").asLong(-1),
                stats.path("bytesPerSecond").asLong(-1),
                stats.path("uptimeSeconds").asLong(-1));
    }

    /** One client per trusted certificate: it keeps its TLS set-up between probes. */
    private HttpClient client(String trustedCertificate) throws IOException, GeneralSecurityException {
        if (client == null || !Objects.equals(clientCertificate, trustedCertificate)) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT)
                    // The transfers connect directly too: a proxy would time another path.
                    .proxy(HttpClient.Builder.NO_PROXY);
            if (!trustedCertificate.isEmpty()) {
                builder.sslContext(trusting(Path.of(trustedCertificate)));
            }
            client = builder.build();
            clientCertificate = trustedCertificate;
            warm = false;
        }
        return client;
    }

    /** TLS that trusts the system's authorities and {@code certificate}. */
    private static SSLContext trusting(Path certificate) throws IOException, GeneralSecurityException {
        X509Certificate extra;
        try (InputStream in = Files.newInputStream(certificate)) {
            extra = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        int n = 0;
        for (TrustManager manager : system.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate anchor : x509.getAcceptedIssuers()) {
                    anchors.setCertificateEntry("system-" + n++, anchor);
                }
            }
        }
        anchors.setCertificateEntry("trusted-in-settings", extra);
        TrustManagerFactory both = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        both.init(anchors);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, both.getTrustManagers(), null);
        return tls;
    }

    /** What went wrong, for people. */
    static String sentence(Exception e, RelayTarget target) {
        String where = target.uri() == null ? "the relay" : hostAndPort(target.uri());
        if (e instanceof HttpConnectTimeoutException) {
            return "No connection to " + where + " within " + TIMEOUT.toSeconds() + " seconds.";
        }
        if (e instanceof HttpTimeoutException) {
            return "The relay at " + where + " did not answer within " + TIMEOUT.toSeconds() + " seconds.";
        }
        if (has(e, UnresolvedAddressException.class) || has(e, UnknownHostException.class)) {
            return "The host name " + target.uri().getHost() + " is not known.";
        }
        if (e instanceof ConnectException) {
            return "Nothing answers at " + where + "."
                    + (target.isDefault() ? " The app starts its own relay there with the first transfer." : "");
        }
        if (has(e, SSLException.class) || has(e, CertificateException.class)) {
            return certificateSentence(e, where);
        }
        if (e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "The relay at " + where + " did not answer properly (the connection broke off).";
    }

    private static String certificateSentence(Exception e, String where) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.startsWith("No subject alternative") || message.startsWith("No name matching")) {
                return "The certificate of the relay at " + where + " is not valid for this host name.";
            }
        }
        return "The certificate of the relay at " + where + " is not trusted; for a self-signed relay,"
                + " choose its certificate in Settings.";
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String hostAndPort(URI relay) {
        return relay.getPort() < 0 ? relay.getHost() : relay.getHost() + ":" + relay.getPort();
    }
}
