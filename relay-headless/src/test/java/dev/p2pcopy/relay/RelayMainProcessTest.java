package dev.p2pcopy.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the relay as its own process, the way operators do, and stops it with SIGTERM. */
@Timeout(60)
class RelayMainProcessTest {

    @Test
    void stopsGracefullyOnSigterm() throws Exception {
        RelayProcess process = RelayProcess.start();
        Process relay = process.process;
        try {
            String line = process.readLine(30);
            assertThat(line).matches("p2p-copy relay listening on ws://127\\.0\\.0\\.1:\\d+");

            URI uri = URI.create(line.substring(line.indexOf("ws://")));
            TestPeer peer = TestPeer.connect(RelayFixture.CLIENT, uri, Rooms.newId(), RelayContract.ROLE_SEND);
            assertThat(peer.nextText()).isEqualTo(RelayContract.NOTICE_WAITING);

            // SIGTERM; unlike Process.destroy(), the handle leaves our end of stdout open.
            relay.toHandle().destroy();
            assertThat(peer.awaitClosing())
                    .isEqualTo(new TestPeer.Closing(RelayContract.CLOSE_GOING_AWAY, "relay shutting down"));
            String rest = process.readLine(20);
            assertThat(rest).as("nothing but the listening line on stdout").isNull();
            assertThat(relay.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(relay.exitValue())
                    .as("the JVM's exit code after SIGTERM")
                    .isEqualTo(143);
        } finally {
            relay.destroyForcibly();
        }
    }
}
