package dev.p2pcopy.desktop.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.NodeStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresTest {
    private static final long GIB = 1L << 30;

    @Test
    void formatsKnownFigures() {
        NodeStats s = new NodeStats(0.426, 3 * GIB, 12 * GIB, 777 * GIB, 12_345_678, 950, 2e9);
        assertThat(Figures.cpu(s)).isEqualTo("43 %");
        assertThat(Figures.memory(s)).isEqualTo("3.0 / 12.0 GiB");
        assertThat(Figures.memory(new NodeStats(0, 812L << 20, 12 * GIB, 0, 0, 0, 0)))
                .isEqualTo("812 MiB / 12.0 GiB");
        assertThat(Figures.disk(s)).isEqualTo("777 GiB");
        assertThat(Figures.rate(s.netReceiveBytesPerSecond())).isEqualTo("12.3 MB/s");
        assertThat(Figures.rate(s.netSendBytesPerSecond())).isEqualTo("950 B/s");
        assertThat(Figures.millis(4)).isEqualTo("4 ms");
        assertThat(Figures.count(0)).isEqualTo("0");
        assertThat(Figures.uptime(3700)).isEqualTo("1 h 1 min");
        assertThat(Figures.percentTick(50.0)).isEqualTo("50 %");
    }

    @Test
    void unknownFiguresReadAsADash() {
        for (String text : new String[] {
            Figures.cpu(NodeStats.UNKNOWN),
            Figures.memory(NodeStats.UNKNOWN),
            Figures.disk(NodeStats.UNKNOWN),
            Figures.cpu(null),
            Figures.memory(null),
            Figures.disk(null),
            Figures.rate(-1),
            Figures.rate(Double.NaN),
            Figures.millis(-1),
            Figures.count(-1),
            Figures.uptime(-1)
        }) {
            assertThat(text).isEqualTo(Figures.UNKNOWN);
        }
    }

    @Test
    void networkRatesCountInterfacesPresentBothTimesAndIgnoreResets() {
        Map<String, long[]> before = Map.of("lo", new long[] {1000, 2000}, "eth0", new long[] {500, 500});
        Map<String, long[]> after = Map.of(
                "lo", new long[] {3000, 6000}, // +2000 in, +4000 out
                "eth0", new long[] {100, 100}, // reset: adds nothing
                "wg0", new long[] {9999, 9999}); // new: no earlier reading
        double[] rates = SystemSampler.rates(before, after, 2.0);
        assertThat(rates).containsExactly(1000.0, 2000.0);
    }
}
