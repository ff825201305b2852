package dev.p2pcopy.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With the logging configuration the relay ships, audit lines follow the listening line on standard output. */
@Timeout(60)
class RelayAuditStdoutTest {

    @Test
    void writesAuditLinesToStandardOutputWithoutAnAuditFile() throws Exception {
        // The shipped configuration, not the tests' logback-test.xml.
        RelayProcess process = RelayProcess.start("-Dlogback.configurationFile=logback.xml");
        Process relay = process.process;
        try {
            String listening = process.readLine(30);
            assertThat(listening).startsWith("p2p-copy relay listening on ws://127.0.0.1:");
            URI uri = URI.create(listening.substring(listening.indexOf("ws://")));

            String room = Rooms.newId();
            TestPeer sender = TestPeer.connect(RelayFixture.CLIENT, uri, room, RelayContract.ROLE_SEND);
            assertThat(sender.nextText()).isEqualTo(RelayContract.NOTICE_WAITING);
            TestPeer receiver = TestPeer.connect(RelayFixture.CLIENT, uri, room, RelayContract.ROLE_RECEIVE);
            assertThat(receiver.nextText()).isEqualTo(RelayContract.pairedNotice(1));
            sender.send(new byte[4321]);
            receiver.nextBinary();
            relay.toHandle().destroy();

            List<JsonNode> lines = new ArrayList<>();
            for (String line = process.readLine(30); line != null; line = process.readLine(30)) {
                lines.add(AuditLines.parse(line));
            }
            assertThat(lines)
                    .extracting(line -> line.get("event").asText())
                    .containsExactly("opened", "paired", "closed");
            assertThat(lines)
                    .allSatisfy(line -> assertThat(line.get("room").asText()).isEqualTo(room.substring(0, 12)));
            assertThat(lines.get(2).get("reason").asText()).isEqualTo("shutdown");
            assertThat(lines.get(2).get("bytesSendToReceive").asLong()).isEqualTo(4321);
            assertThat(relay.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            relay.destroyForcibly();
        }
    }
}
