package dev.p2pcopy.desktop.testing;

import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real relay on 127.0.0.1 and a free port, shared by the tests of one class. */
public final class LoopbackRelay implements BeforeAllCallback, AfterAllCallback {
    private RelayServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = RelayServer.start(
                RelayConfig.builder().host("127.0.0.1").port(0).build());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    /** The relay's address as the CLI's {@code --relay} takes it. */
    public String url() {
        return server.uri().toString();
    }
}
