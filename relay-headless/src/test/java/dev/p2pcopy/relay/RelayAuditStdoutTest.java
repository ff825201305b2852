package dev.p2pcopy.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With the logging configuration the relay ships, audit lines follow the listening line on standard output. */
@Timeout(60)
class RelayAuditStdoutTest {

    @Test
    void writesAuditLinesToStandardOutputWithoutAnAuditFile() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process relay = new ProcessBuilder(
                        java,
                        // The shipped configuration, not the tests' logback-test.xml.
                        "-Dlogback.configurationFile=logback.xml",
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
            String listening = readLine(out);
            assertThat(listening).startsWith("p2p-copy relay listening on ws://127.0.0.1:");
            URI uri = URI.create(listening.substring(listening.indexOf("ws://")));

            String room = Rooms.newId();
            TestPeer sender = TestPeer.connect(RelayFixture.CLIENT, uri, room, RelayContract.ROLE_SEND);
            assertThat(sender.nextText()).isEqualTo(RelayContract.NOTICE_WAITING);
            TestPeer receiver = TestPeer.connect(RelayFixture.CLIENT, uri, room, RelayContract.ROLE_RECEIVE);
            assertThat(receiver.nextText()).isEqualTo(RelayContract.NOTICE_PAIRED);
            sender.send(new byte[4321]);
            receiver.nextBinary();
            relay.toHandle().destroy();

            List<JsonNode> lines = new ArrayList<>();
            for (String line = readLine(out); line != null; line = readLine(out)) {
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

    private static String readLine(BufferedReader reader) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
                    try {
                        return reader.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .get(30, TimeUnit.SECONDS);
    }
}
