package dev.p2pcopy.protocol.transport;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Opens relay connections for one transfer. Its threads are daemons and {@link #shutdown()}
 * lets them end, so a finished transfer never keeps a JVM alive.
 */
public final class RelayClient {
    private static final Duration PING_INTERVAL = Duration.ofSeconds(20);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final OkHttpClient http;

    private RelayClient(OkHttpClient http) {
        this.http = http;
    }

    /** A client with its own reader threads. */
    public static RelayClient create() {
        ThreadPoolExecutor readers =
                new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "p2p-copy-relay-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        OkHttpClient http = new OkHttpClient.Builder()
                .dispatcher(new Dispatcher(readers))
                .pingInterval(PING_INTERVAL)
                .connectTimeout(CONNECT_TIMEOUT)
                // No per-read/write timeouts: they cost a watchdog round trip per socket call.
                // Pings find a dead relay; RelayConnection.send gives up on a stalled one.
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                // Frames are mostly compressed or random already; deflate would only cost CPU.
                .minWebSocketMessageToCompress(Long.MAX_VALUE)
                .build();
        return new RelayClient(http);
    }

    /**
     * Starts joining {@code roomId} on {@code relay} as {@code role}. Returns at once; watch
     * {@link RelayConnection#joined()}.
     *
     * @throws dev.p2pcopy.protocol.TransferException with USAGE if the relay address is not a
     *     WebSocket address
     */
    public RelayConnection connect(URI relay, String roomId, Role role, RelayListener listener) {
        Request request = new Request.Builder()
                .url(RelayEndpoint.roomUrl(relay, roomId, role))
                .build();
        RelayConnection connection = new RelayConnection(relay, listener);
        connection.attach(http.newWebSocket(request, connection.callbacks()));
        return connection;
    }

    /** Lets the reader threads end once their connections are closed, and drops idle ones. */
    public void shutdown() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
