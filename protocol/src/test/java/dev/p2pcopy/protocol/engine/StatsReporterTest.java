package dev.p2pcopy.protocol.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.Await;
import dev.p2pcopy.protocol.NodeStats;
import dev.p2pcopy.protocol.NodeStatsSource;
import dev.p2pcopy.protocol.message.Stats;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class StatsReporterTest {
    private static final Duration FAST = Duration.ofMillis(5);
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final NodeStats FIGURES = new NodeStats(0.5, 1, 2, 3, 4, 5, -1);

    @Test
    void sendsAtOnceThenAtTheIntervalWithThisSidesTransferRate() {
        List<Stats> sent = new CopyOnWriteArrayList<>();
        try (StatsReporter reporter = new StatsReporter(() -> FIGURES, () -> 1234.5, FAST, "test-stats")) {
            reporter.start(sent::add);
            Await.until("three STATS", LIMIT, () -> sent.size() >= 3);
        }
        assertThat(sent.get(0)).isEqualTo(Stats.of(FIGURES.withTransferRate(1234.5)));
        assertThat(StatsReporter.INTERVAL).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aFailingSourceOrSinkOnlyCostsThatTick() {
        AtomicInteger samples = new AtomicInteger();
        NodeStatsSource flaky = () -> switch (samples.incrementAndGet()) {
            case 1 -> throw new IllegalStateException("sensor broken");
            case 2 -> null;
            default -> FIGURES;
        };
        AtomicInteger attempts = new AtomicInteger();
        List<Stats> sent = new CopyOnWriteArrayList<>();
        try (StatsReporter reporter = new StatsReporter(flaky, () -> 0, FAST, "test-stats")) {
            reporter.start(stats -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("the pairing ended");
                }
                sent.add(stats);
            });
            Await.until("STATS after the failures", LIMIT, () -> sent.size() >= 2);
        }
        assertThat(samples.get()).isGreaterThanOrEqualTo(5); // a throw, a null, a refused send, two sent
    }

    @Test
    void aNewStartReplacesTheSinkAndCloseEndsEverything() {
        List<Stats> first = new CopyOnWriteArrayList<>();
        List<Stats> second = new CopyOnWriteArrayList<>();
        StatsReporter reporter = new StatsReporter(() -> FIGURES, () -> 0, FAST, "test-stats");
        reporter.start(first::add);
        Await.until("the first sink's STATS", LIMIT, () -> !first.isEmpty());
        reporter.stop();
        int stopped = first.size();
        reporter.start(second::add);
        Await.until("the second sink's STATS", LIMIT, () -> second.size() >= 3);
        assertThat(first.size()).isLessThanOrEqualTo(stopped + 1); // at most the tick under way when it stopped

        reporter.close();
        reporter.close();
        reporter.start(first::add); // after close: ignored rather than refused by the shut-down thread
        reporter.stop();
    }

    @Test
    void withoutASourceNothingIsScheduled() {
        List<Stats> sent = new CopyOnWriteArrayList<>();
        try (StatsReporter reporter = new StatsReporter(null, () -> 0, FAST, "stats-without-source")) {
            reporter.start(sent::add);
            reporter.stop();
        }
        assertThat(sent).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName))
                .doesNotContain("stats-without-source");
    }
}
