package dev.p2pcopy.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.NodeStats;
import dev.p2pcopy.protocol.frame.Frame;
import dev.p2pcopy.protocol.frame.FrameType;
import dev.p2pcopy.protocol.frame.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class StatsTest {
    private static final String VALID = "{\"cpuLoad\":0.5,\"memoryUsedBytes\":1,\"memoryTotalBytes\":2,"
            + "\"diskFreeBytes\":3,\"netReceiveBytesPerSecond\":4.0,\"netSendBytesPerSecond\":5.0,"
            + "\"transferBytesPerSecond\":6.0}";

    private static Stats decode(String json) throws ProtocolException {
        return ControlCodec.decode(
                new Frame(
                        FrameType.STATS,
                        0,
                        0,
                        ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer()),
                Stats.class);
    }

    @Test
    void travelsInASmallStatsFrameAndSurvivesARoundTrip() throws ProtocolException {
        Stats stats = new Stats(0.25, 8L << 30, 16L << 30, -1, 1.5e6, 0, Stats.MAX_RATE);
        byte[] payload = ControlCodec.encode(stats);

        assertThat(ControlCodec.frameType(Stats.class)).isEqualTo(FrameType.STATS);
        assertThat(FrameType.STATS.isHandshake()).isFalse();
        assertThat(payload.length).isLessThan(FrameType.STATS.maxPayload());
        assertThat(decode(new String(payload, StandardCharsets.UTF_8))).isEqualTo(stats);
        assertThat(decode(VALID).toNodeStats()).isEqualTo(new NodeStats(0.5, 1, 2, 3, 4, 5, 6));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"cpuLoad\":0.5,|\"cpuLoad\":\"NaN\",",
                "\"cpuLoad\":0.5,|\"cpuLoad\":1.5,",
                "\"cpuLoad\":0.5,|\"cpuLoad\":-0.5,",
                "\"cpuLoad\":0.5,|\"cpuLoad\":1e400,",
                "\"memoryUsedBytes\":1,|\"memoryUsedBytes\":-2,",
                "\"memoryTotalBytes\":2,|\"memoryTotalBytes\":9223372036854775807,",
                "\"diskFreeBytes\":3,|\"diskFreeBytes\":99999999999999999999,",
                "\"netReceiveBytesPerSecond\":4.0,|\"netReceiveBytesPerSecond\":\"Infinity\",",
                "\"netSendBytesPerSecond\":5.0,|\"netSendBytesPerSecond\":\"-Infinity\",",
                "\"transferBytesPerSecond\":6.0}|\"transferBytesPerSecond\":1e14}",
                "\"transferBytesPerSecond\":6.0}|\"transferBytesPerSecond\":null}",
                ",\"transferBytesPerSecond\":6.0}|}",
            })
    void hostileFiguresAreAProtocolError(String edit) {
        String[] parts = edit.split("\\|", 2);
        String json = VALID.replace(parts[0], parts[1]);
        assertThat(json).isNotEqualTo(VALID);

        assertThatThrownBy(() -> decode(json))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("The peer's STATS is malformed");
    }

    @Test
    void unknownIsMinusOneAndTheBoundsThemselvesAreValid() {
        assertThat(new Stats(-1, -1, -1, -1, -1, -1, -1).toNodeStats()).isEqualTo(NodeStats.UNKNOWN);
        assertThat(new Stats(1, Stats.MAX_BYTES, 0, 0, Stats.MAX_RATE, 0, 0).cpuLoad())
                .isEqualTo(1);
        assertThatThrownBy(() -> new Stats(-2, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ourOwnFiguresAreMadeValidBeforeTheyLeave() {
        Stats stats = Stats.of(new NodeStats(Double.NaN, Long.MAX_VALUE, -5, 10, Double.POSITIVE_INFINITY, 1e20, -0.5));
        assertThat(stats).isEqualTo(new Stats(-1, Stats.MAX_BYTES, -1, 10, -1, Stats.MAX_RATE, -1));
        assertThat(Stats.of(new NodeStats(3.0, 1, 2, 3, 4, 5, 6)).cpuLoad()).isEqualTo(1.0);
        assertThat(Stats.of(NodeStats.UNKNOWN).toNodeStats()).isEqualTo(NodeStats.UNKNOWN);
        assertThat(Stats.of(new NodeStats(0.5, 1, 2, 3, 4, 5, 6)).toNodeStats())
                .isEqualTo(new NodeStats(0.5, 1, 2, 3, 4, 5, 6));
    }
}
