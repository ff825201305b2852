package dev.p2pcopy.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the relay as its own process, the way operators do, and stops it with SIGTERM. */
@Timeout(60)
class RelayMainProcessTest {

    @Test
    void stopsGracefullyOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process relay = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        RelayMain.class.getName(),
                        "--port",
                        "0",
                        "--host",
                        "127.0.0.1")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(relay.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
            assertThat(line).matches("p2p-copy relay listening on ws://127\\.0\\.0\\.1:\\d+");

            URI uri = URI.create(line.substring(line.indexOf("ws://")));
            TestPeer peer = TestPeer.connect(RelayFixture.CLIENT, uri, Rooms.newId(), RelayContract.ROLE_SEND);
            assertThat(peer.nextText()).isEqualTo(RelayContract.NOTICE_WAITING);

            // SIGTERM; unlike Process.destroy(), the handle leaves our end of stdout open.
            relay.toHandle().destroy();
            assertThat(peer.awaitClosing())
                    .isEqualTo(new TestPeer.Closing(RelayContract.CLOSE_GOING_AWAY, "relay shutting down"));
            String rest = CompletableFuture.supplyAsync(() -> readLine(out)).get(20, TimeUnit.SECONDS);
            assertThat(rest).as("nothing but the listening line on stdout").isNull();
            assertThat(relay.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(relay.exitValue())
                    .as("the JVM's exit code after SIGTERM")
                    .isEqualTo(143);
        } finally {
            relay.destroyForcibly();
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
