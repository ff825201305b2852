package dev.p2pcopy.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelayConfigTest {

    @Test
    void hasTheDocumentedDefaults() {
        RelayConfig config = RelayConfig.builder().build();
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(8765);
        assertThat(config.waitTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.gracePeriod()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.pingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxFrameBytes()).isEqualTo(16_842_752);
        assertThat(config.maxRooms()).isEqualTo(10_000);
        assertThat(config.writeBufferHighWaterMark()).isEqualTo(8 << 20);
        assertThat(config.writeBufferLowWaterMark()).isEqualTo(2 << 20);
    }

    @Test
    void keepsWhatTheBuilderWasGiven() {
        RelayConfig config = RelayConfig.builder()
                .writeBufferHighWaterMark(4096)
                .writeBufferLowWaterMark(1024)
                .build();
        assertThat(config.writeBufferHighWaterMark()).isEqualTo(4096);
        assertThat(config.writeBufferLowWaterMark()).isEqualTo(1024);
    }

    @Test
    void refusesSettingsOutOfRangeWithASentence() {
        assertThatThrownBy(() -> RelayConfig.builder().port(70000).build())
                .hasMessage("The port must be between 0 and 65535, not 70000.");
        assertThatThrownBy(() -> RelayConfig.builder().port(-1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> RelayConfig.builder().waitTimeout(Duration.ZERO).build())
                .hasMessage("The wait timeout must be positive, not PT0S.");
        assertThatThrownBy(() -> RelayConfig.builder()
                        .gracePeriod(Duration.ofSeconds(-1))
                        .build())
                .hasMessageStartingWith("The grace period must be positive");
        assertThatThrownBy(
                        () -> RelayConfig.builder().idleTimeout(Duration.ZERO).build())
                .hasMessageStartingWith("The idle timeout must be positive");
        assertThatThrownBy(
                        () -> RelayConfig.builder().pingInterval(Duration.ZERO).build())
                .hasMessageStartingWith("The ping interval must be positive");
        assertThatThrownBy(() -> RelayConfig.builder().maxFrameBytes(0).build())
                .hasMessage("The maximum frame size must be positive, not 0.");
        assertThatThrownBy(() -> RelayConfig.builder()
                        .writeBufferHighWaterMark(1)
                        .writeBufferLowWaterMark(2)
                        .build())
                .hasMessage("The write buffer water marks must satisfy 0 <= low <= high, not low 2 and high 1.");
        assertThatThrownBy(
                        () -> RelayConfig.builder().writeBufferLowWaterMark(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
