package dev.p2pcopy.desktop.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.desktop.testing.Ports;
import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RelayPickerTest {
    private static final Duration PROBE = Duration.ofSeconds(2);

    @Test
    void aConfiguredAddressIsUsedAsItIs() {
        try (RelayPicker picker = new RelayPicker(new DefaultRelay("127.0.0.1", 1, name -> null))) {
            assertThat(picker.pick("  ws://relay.example:8765 ")).isEqualTo(URI.create("ws://relay.example:8765"));
            assertThatThrownBy(() -> picker.pick("ftp://nope"))
                    .isInstanceOf(TransferException.class)
                    .extracting(e -> ((TransferException) e).reason())
                    .isEqualTo(FailureReason.USAGE);
        }
    }

    @Test
    void whenTheOtherAppsRelayStopsTheNextPickStartsOneHereOnTheSameAddress() throws Exception {
        int port = Ports.free();
        DefaultRelay defaults = new DefaultRelay("127.0.0.1", port, name -> null);
        RelayPicker first = new RelayPicker(defaults);
        RelayPicker second = new RelayPicker(defaults);
        try {
            URI started = first.pick("");
            assertThat(new HealthProbe("127.0.0.1", port, PROBE).check()).isEqualTo(HealthProbe.Answer.RELAY);
            assertThat(second.pick("")).isEqualTo(started); // found running

            first.close(); // the app that started it quits
            assertThat(new HealthProbe("127.0.0.1", port, PROBE).check()).isEqualTo(HealthProbe.Answer.NOTHING);

            assertThat(second.pick("")).isEqualTo(started);
            assertThat(new HealthProbe("127.0.0.1", port, PROBE).check()).isEqualTo(HealthProbe.Answer.RELAY);
        } finally {
            first.close();
            second.close();
        }
        assertThat(new HealthProbe("127.0.0.1", port, PROBE).check()).isEqualTo(HealthProbe.Answer.NOTHING);
    }
}
