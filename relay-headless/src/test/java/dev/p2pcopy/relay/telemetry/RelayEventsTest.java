package dev.p2pcopy.relay.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayEventsTest {

    @Test
    void anObserverOverridesOnlyWhatItNeedsAndIgnoresTheRest() {
        List<String> seen = new ArrayList<>();
        RelayEvents openings = new RelayEvents() {
            @Override
            public void roomOpened(String roomId, String client, String role) {
                seen.add(roomId + " " + client + " " + role);
            }
        };
        for (RelayEvents events : List.of(RelayEvents.NONE, openings)) {
            events.connectionOpened("192.0.2.1");
            events.refused("192.0.2.1", "join-rate", null);
            events.roomOpened("room", "192.0.2.1", "send");
            events.paired("room", "192.0.2.2", Duration.ofSeconds(1));
            events.peerDropped("room", "192.0.2.2", "receive", "left");
            events.roomCounts(0, 0);
            events.forwarded(10);
            events.roomClosed("room", 10, 0, Duration.ofSeconds(2), "done");
            events.connectionClosed("192.0.2.1");
        }
        assertThat(seen).containsExactly("room 192.0.2.1 send");
    }
}
