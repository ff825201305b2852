package dev.p2pcopy.desktop.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.relay.DefaultRelay;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RelayTargetTest {

    @Test
    void aConfiguredRelayWins() {
        RelayTarget t = RelayTarget.resolve("  ws://relay.example:9000 ", policy(name -> "ws://other:1"));
        assertThat(t.uri()).isEqualTo(URI.create("ws://relay.example:9000"));
        assertThat(t.isDefault()).isFalse();
        assertThat(t.label()).isEqualTo("ws://relay.example:9000");
    }

    @Test
    void anEmptySettingTakesTheEnvironmentThenTheDefault() {
        assertThat(RelayTarget.resolve(
                                "",
                                policy(name -> name.equals(DefaultRelay.ENVIRONMENT_VARIABLE) ? "wss://env:443" : null))
                        .uri())
                .isEqualTo(URI.create("wss://env:443"));
        RelayTarget standard = RelayTarget.resolve("", policy(name -> null));
        assertThat(standard.uri()).isEqualTo(URI.create("ws://127.0.0.1:8765"));
        assertThat(standard.isDefault()).isTrue();
        assertThat(standard.label()).endsWith("(default)");
    }

    @Test
    void aWrongAddressIsExplained() {
        RelayTarget t = RelayTarget.resolve("http://relay.example", policy(name -> null));
        assertThat(t.uri()).isNull();
        assertThat(t.problem()).startsWith("The relay address in Settings must be a relay address");
        assertThat(t.label()).isEqualTo("No valid relay address");
        assertThat(new RelayProbe().probe(t, "")).isEqualTo(RelayStatus.unreachable(t.problem()));
    }

    @Test
    void theHttpAddressFollowsTheScheme() {
        assertThat(RelayProbe.httpUri(URI.create("ws://h:8765"), "/v1/stats"))
                .isEqualTo(URI.create("http://h:8765/v1/stats"));
        assertThat(RelayProbe.httpUri(URI.create("wss://h"), "/healthz")).isEqualTo(URI.create("https://h/healthz"));
        assertThat(RelayProbe.httpUri(URI.create("ws://[::1]:1"), "/x")).isEqualTo(URI.create("http://[::1]:1/x"));
    }

    static DefaultRelay policy(java.util.function.UnaryOperator<String> environment) {
        return new DefaultRelay("127.0.0.1", 8765, environment);
    }
}
