package dev.p2pcopy.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.p2pcopy.relay.RelayContract;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The protocol side's copy of the relay's contract must not drift from the relay's own. */
@Timeout(10)
class RelayContractTest {

    @Test
    void endpointAndRolesMatch() {
        assertThat(RelayEndpoint.ROOMS_PATH).isEqualTo(RelayContract.ROOM_PATH_PREFIX);
        assertThat(RelayEndpoint.ROLE_SEND).isEqualTo(RelayContract.ROLE_SEND);
        assertThat(RelayEndpoint.ROLE_RECEIVE).isEqualTo(RelayContract.ROLE_RECEIVE);
        assertThat(Role.SEND.wireName()).isEqualTo(RelayContract.ROLE_SEND);
        assertThat(Role.RECEIVE.wireName()).isEqualTo(RelayContract.ROLE_RECEIVE);
    }

    @Test
    void noticesMatch() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> notices = Map.of(
                RelayEndpoint.EVENT_WAITING, RelayContract.NOTICE_WAITING,
                RelayEndpoint.EVENT_PAIRED, RelayContract.pairedNotice(7),
                RelayEndpoint.EVENT_PEER_LEFT, RelayContract.NOTICE_PEER_LEFT);
        for (var e : notices.entrySet()) {
            assertThat(json.readTree(e.getValue())
                            .path(RelayEndpoint.EVENT_FIELD)
                            .asText())
                    .isEqualTo(e.getKey());
        }
    }

    @Test
    void thePairingNumberIsWhereTheClientReadsIt() throws Exception {
        assertThat(new ObjectMapper()
                        .readTree(RelayContract.pairedNotice(7))
                        .path(RelayEndpoint.PAIRING_FIELD)
                        .asLong())
                .isEqualTo(7);
    }

    @Test
    void closeCodesMatch() {
        assertThat(RelayEndpoint.CLOSE_TIMEOUT).isEqualTo(RelayContract.CLOSE_TIMEOUT);
        assertThat(RelayEndpoint.CLOSE_ROLE_TAKEN).isEqualTo(RelayContract.CLOSE_ROLE_TAKEN);
        assertThat(RelayEndpoint.CLOSE_FULL).isEqualTo(RelayContract.CLOSE_RELAY_FULL);
        assertThat(RelayEndpoint.CLOSE_GOING_AWAY).isEqualTo(RelayContract.CLOSE_GOING_AWAY);
    }
}
