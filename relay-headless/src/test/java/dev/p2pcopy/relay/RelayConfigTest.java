package dev.p2pcopy.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.pingInterval()).isEqualTo(Duration.ofSeconds(15));
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

    @Test
    void hasTheDocumentedLimitsAndNoTlsByDefault() {
        RelayConfig config = RelayConfig.builder().build();
        assertThat(config.maxConnectionsPerIp()).isEqualTo(32);
        assertThat(config.connectionBurstPerIp()).isEqualTo(60);
        assertThat(config.connectionsPerMinutePerIp()).isEqualTo(60);
        assertThat(config.joinsPerRoomPerMinute()).isEqualTo(10);
        assertThat(config.maxPendingHandshakes()).isEqualTo(1024);
        assertThat(config.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.trustProxy()).isFalse();
        assertThat(config.tlsCertificate()).isEmpty();
        assertThat(config.tlsKey()).isEmpty();
        assertThat(config.tlsMinVersion()).isEqualTo("1.3");
        assertThat(config.auditLog()).isEmpty();
    }

    @Test
    void keepsTheLimitsAndTlsItWasGiven() {
        RelayConfig config = RelayConfig.builder()
                .maxConnectionsPerIp(1)
                .connectionBurstPerIp(2)
                .connectionsPerMinutePerIp(3)
                .joinsPerRoomPerMinute(4)
                .maxPendingHandshakes(5)
                .handshakeTimeout(Duration.ofSeconds(6))
                .trustProxy(true)
                .tls(Path.of("chain.pem"), Path.of("key.pem"))
                .tlsMinVersion("1.2")
                .auditLog(Path.of("audit.log"))
                .build();
        assertThat(config.maxConnectionsPerIp()).isEqualTo(1);
        assertThat(config.connectionBurstPerIp()).isEqualTo(2);
        assertThat(config.connectionsPerMinutePerIp()).isEqualTo(3);
        assertThat(config.joinsPerRoomPerMinute()).isEqualTo(4);
        assertThat(config.maxPendingHandshakes()).isEqualTo(5);
        assertThat(config.handshakeTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(config.trustProxy()).isTrue();
        assertThat(config.tlsCertificate()).contains(Path.of("chain.pem"));
        assertThat(config.tlsKey()).contains(Path.of("key.pem"));
        assertThat(config.tlsMinVersion()).isEqualTo("1.2");
        assertThat(config.auditLog()).contains(Path.of("audit.log"));
        assertThat(config.toString()).contains("trustProxy=true", "tlsMinVersion=1.2", "auditLog=audit.log");
    }

    @Test
    void refusesLimitsOutOfRangeAndHalfATlsSetup() {
        assertThatThrownBy(() -> RelayConfig.builder().maxConnectionsPerIp(0).build())
                .hasMessage("The maximum number of connections per address must be positive, not 0.");
        assertThatThrownBy(() -> RelayConfig.builder().connectionBurstPerIp(0).build())
                .hasMessage("The connection burst per address must be positive, not 0.");
        assertThatThrownBy(() ->
                        RelayConfig.builder().connectionsPerMinutePerIp(-1).build())
                .hasMessage("The number of connections per minute per address must be positive, not -1.");
        assertThatThrownBy(() -> RelayConfig.builder().joinsPerRoomPerMinute(0).build())
                .hasMessage("The number of joins per room per minute must be positive, not 0.");
        assertThatThrownBy(() -> RelayConfig.builder().maxPendingHandshakes(0).build())
                .hasMessage("The maximum number of pending handshakes must be positive, not 0.");
        assertThatThrownBy(() ->
                        RelayConfig.builder().handshakeTimeout(Duration.ZERO).build())
                .hasMessage("The handshake timeout must be positive, not PT0S.");
        assertThatThrownBy(() ->
                        RelayConfig.builder().tls(Path.of("chain.pem"), null).build())
                .hasMessage("A TLS certificate needs its key and a key its certificate; give both --tls-cert and"
                        + " --tls-key.");
        assertThatThrownBy(() ->
                        RelayConfig.builder().tls(null, Path.of("key.pem")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RelayConfig.builder().tlsMinVersion("1.1").build())
                .hasMessage("The minimum TLS version must be 1.3 or 1.2, not 1.1.");
    }
}
