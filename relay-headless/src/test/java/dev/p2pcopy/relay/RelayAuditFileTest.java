package dev.p2pcopy.relay;

import static dev.p2pcopy.relay.RelayContract.NOTICE_WAITING;
import static dev.p2pcopy.relay.RelayContract.ROLE_RECEIVE;
import static dev.p2pcopy.relay.RelayContract.ROLE_SEND;
import static dev.p2pcopy.relay.RelayContract.pairedNotice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A relay started with an audit file writes its audit lines there. */
@Timeout(60)
class RelayAuditFileTest extends RelayFixture {

    @TempDir
    Path dir;

    @Test
    void writesTheAuditLinesOfATransferToTheFile() throws Exception {
        Path file = dir.resolve("var").resolve("audit.log");
        RelayServer relay = start(b -> b.auditLog(file));
        String room = Rooms.newId();
        TestPeer sender = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_SEND);
        assertThat(sender.nextText()).isEqualTo(NOTICE_WAITING);
        TestPeer receiver = TestPeer.connect(CLIENT, relay.uri(), room, ROLE_RECEIVE);
        assertThat(receiver.nextText()).isEqualTo(pairedNotice(1));
        sender.send(new byte[2048]);
        receiver.nextBinary();
        sender.close();
        receiver.close();
        Await.until(
                "the room is closed",
                () -> relay.stats().roomsWaiting() + relay.stats().roomsPaired() == 0);
        relay.close();

        List<JsonNode> lines =
                Files.readAllLines(file).stream().map(AuditLines::parse).toList();
        assertThat(lines)
                .extracting(line -> line.get("event").asText())
                .containsExactly("opened", "paired", "peer-dropped", "closed");
        assertThat(lines.get(3).get("bytesSendToReceive").asLong()).isEqualTo(2048);
        assertThat(lines.get(3).get("reason").asText()).isEqualTo("done");
        assertThat(Files.readString(file)).doesNotContain(room.substring(0, 13));
    }

    @Test
    void doesNotStartWithAnAuditFileItCannotWrite() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
        Path file = blocker.resolve("audit.log");
        assertThatThrownBy(() -> start(b -> b.auditLog(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The audit log " + file + " cannot be written.");
    }
}
