package dev.p2pcopy.relay;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/** Starts real relays on 127.0.0.1, any free port, and closes them after each test. */
abstract class RelayFixture {

    static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final List<RelayServer> relays = new ArrayList<>();

    RelayServer start() throws Exception {
        return start(UnaryOperator.identity());
    }

    RelayServer start(UnaryOperator<RelayConfig.Builder> settings) throws Exception {
        RelayServer relay = RelayServer.start(
                settings.apply(RelayConfig.builder().host("127.0.0.1").port(0)).build());
        relays.add(relay);
        return relay;
    }

    @AfterEach
    void closeRelays() {
        relays.forEach(RelayServer::close);
    }
}
