package dev.p2pcopy.relay.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelayVersionTest {

    @Test
    void isTheVersionTheBuildRecorded() {
        assertThat(RelayVersion.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void isDevWithoutARecordedVersion() {
        assertThat(RelayVersion.read("no-such-version.properties")).isEqualTo(RelayVersion.UNKNOWN);
        assertThat(RelayVersion.read("unfiltered-version.properties")).isEqualTo("dev");
    }
}
