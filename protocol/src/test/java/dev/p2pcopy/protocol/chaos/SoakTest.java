package dev.p2pcopy.protocol.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.p2pcopy.protocol.ReconnectPolicy;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.TransferState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak of bench/soak.sh: many transfers of one file each (1 KiB–20 MiB, log-uniform) through
 * the chaos proxy with random cuts (each connection with probability 0.6, at most three per
 * transfer, inside its file data), default chunk size and reconnect policy, and the figures of
 * docs/benchmarks.md. Runs only when {@code -Dsoak.transfers=N} is given. Other properties:
 * {@code soak.parallel} (default 4), {@code soak.maxBytes} (default 20 MiB), {@code soak.seed}
 * (default 1), {@code soak.out} (report file, default target/soak-report.txt).
 */
class SoakTest {
    private static final Duration PER_TRANSFER = Duration.ofMinutes(4);
    /** Chance that one connection of a transfer is cut. */
    private static final double CUT_PROBABILITY = 0.6;

    @TempDir
    Path tmp;

    /** One transfer's figures. */
    private record Row(Exchange exchange, long payload, List<ChaosEvent> cuts) {}

    @Test
    @Timeout(value = 12, unit = TimeUnit.HOURS)
    void soak() throws Exception {
        Integer transfers = Integer.getInteger("soak.transfers");
        assumeTrue(transfers != null, "the soak runs only with -Dsoak.transfers=N (bench/soak.sh)");
        int parallel = Integer.getInteger("soak.parallel", 4);
        long maxBytes = Long.getLong("soak.maxBytes", 20L << 20);
        long seed = Long.getLong("soak.seed", 1L);
        Path report = Path.of(System.getProperty("soak.out", "target/soak-report.txt"));

        CutPlanner planner = new CutPlanner(0.8); // here only to know where each transfer's data lies
        // Random cuts: each connection of a transfer with a probability, at most three per
        // transfer, aimed at the connection's file data (the planner knows where it lies).
        RandomFaults cuts = RandomFaults.cuts(CUT_PROBABILITY)
                .withRange(planner::dataRange)
                .withDirection(CutPlanner::dataDirection)
                .withAbortiveShare(0.8)
                .withLimits(3, Integer.MAX_VALUE);
        FaultPolicy policy = (link, random) -> planner.knows(link) ? cuts.plan(link, random) : Faults.NONE;
        long start = System.nanoTime();
        List<Row> rows;
        String proxyTotals;
        try (ChaosRig rig = ChaosRig.start(ChaosRig.relayConfig().build(), policy, seed)) {
            Exchange.Settings settings = new Exchange.Settings(
                    rig.uri(), ReconnectPolicy.DEFAULT, SendOptions.DEFAULT_CHUNK_SIZE, PER_TRANSFER);
            planner.calibrate(rig.proxy(), settings, tmp);
            rows = runAll(rig.proxy(), planner, settings, transfers, parallel, maxBytes, seed);
            proxyTotals = rig.proxy().count(ChaosEvent.Kind.CUT) + " resets, "
                    + rig.proxy().count(ChaosEvent.Kind.FIN) + " FINs, "
                    + rig.proxy().accepted() + " connections";
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String text = report(rows, transfers, parallel, maxBytes, seed, seconds, proxyTotals);
        System.out.println(text);
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, text);
        assertThat(rows).as("every transfer ran").hasSize(transfers);
    }

    private List<Row> runAll(
            ChaosProxy proxy,
            CutPlanner planner,
            Exchange.Settings settings,
            int transfers,
            int parallel,
            long maxBytes,
            long seed)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Row>> futures = new ArrayList<>();
            for (int i = 0; i < transfers; i++) {
                int index = i;
                futures.add(pool.submit(() -> transfer(planner, settings, index, maxBytes, seed)));
            }
            List<Row> rows = new ArrayList<>();
            for (Future<Row> f : futures) {
                rows.add(f.get());
                if (rows.size() % 50 == 0) {
                    System.out.printf("soak: %d of %d transfers done%n", rows.size(), transfers);
                }
            }
            Map<String, List<ChaosEvent>> cuts =
                    proxy.events().stream().filter(ChaosEvent::isCut).collect(Collectors.groupingBy(ChaosEvent::room));
            return rows.stream()
                    .map(r -> new Row(
                            r.exchange(),
                            r.payload(),
                            cuts.getOrDefault(r.exchange().room(), List.of())))
                    .toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private Row transfer(CutPlanner planner, Exchange.Settings settings, int index, long maxBytes, long seed)
            throws IOException {
        Random random = new Random(Seeds.derive(seed, index));
        Path src = tmp.resolve("s" + index);
        Path out = tmp.resolve("r" + index);
        Datasets.Dataset data = Datasets.singleFile(src, Datasets.logUniform(random, 1024, maxBytes), random);
        String code = (10_000 + index) + "-soak-" + Integer.toString(random.nextInt(1 << 20), 36);
        planner.register(code, new CutPlanner.Plan(0, 0, data.bytes(), data.files()));
        Exchange e = Exchange.run(settings, code, data, out, new StateLog(), new StateLog());
        Exchange.deleteTree(src);
        Exchange.deleteTree(out);
        return new Row(e, data.bytes(), List.of()); // the cuts are filled in once all are done
    }

    private static String report(
            List<Row> rows, int transfers, int parallel, long maxBytes, long seed, double seconds, String proxyTotals) {
        long ok = rows.stream().filter(r -> r.exchange().ok()).count();
        List<Row> failed =
                rows.stream().filter(r -> r.exchange().failure() != null).toList();
        List<Row> corrupt =
                rows.stream().filter(r -> r.exchange().corrupt() != null).toList();
        long cuts = rows.stream().mapToLong(r -> r.cuts().size()).sum();
        long cutTransfers = rows.stream().filter(r -> !r.cuts().isEmpty()).count();

        List<Long> recoveries = new ArrayList<>();
        long unrecovered = 0;
        for (Row r : rows) {
            for (ChaosEvent cut : r.cuts()) {
                OptionalLong ms = recoveryMillis(r.exchange().sender(), cut.nanos());
                if (ms.isPresent()) {
                    recoveries.add(ms.getAsLong());
                } else {
                    unrecovered++;
                }
            }
        }
        recoveries.sort(null);

        long payload = 0;
        long sent = 0;
        long received = 0;
        long uncutResent = 0;
        for (Row r : rows) {
            if (!r.exchange().ok()) {
                continue;
            }
            payload += r.payload();
            sent += r.exchange().sent().bytes();
            received += r.exchange().received().bytes();
            if (r.cuts().isEmpty()) {
                uncutResent += r.exchange().sent().bytes() - r.payload();
            }
        }
        long resent = sent - payload;
        long cutOff = sent - received;

        StringBuilder b = new StringBuilder();
        b.append("p2p-copy soak through the chaos proxy, ")
                .append(Instant.now())
                .append('\n');
        b.append(String.format(
                "settings: %d transfers, %d in parallel, one file each of 1 KiB-%s (log-uniform), seed %d,%n",
                transfers, parallel, mib(maxBytes), seed));
        b.append(
                "          default chunk size and ReconnectPolicy.DEFAULT, encrypted; relay and both peers in one JVM\n");
        b.append(String.format(
                "success:  %d of %d (%.2f %%) completed by themselves with every SHA-256 equal%n",
                ok, rows.size(), 100.0 * ok / rows.size()));
        b.append(String.format("failed:   %d; corrupt or left temporary files: %d%n", failed.size(), corrupt.size()));
        b.append(String.format("cuts:     %d in %d transfers (%s)%n", cuts, cutTransfers, proxyTotals));
        b.append(String.format(
                "recovery: median %s, p95 %s, max %s over %d cuts (cut -> the sender's next TRANSFERRING after"
                        + " RECONNECTING); %d cuts without one%n",
                ms(percentile(recoveries, 50)),
                ms(percentile(recoveries, 95)),
                ms(percentile(recoveries, 100)),
                recoveries.size(),
                unrecovered));
        b.append(String.format(
                "bytes:    payload %s; sender sent %s; receiver wrote %s (completed transfers)%n",
                mib(payload), mib(sent), mib(received)));
        b.append(String.format(
                "re-sent:  %s = sent - payload; cut off: %s = sent - written; re-sent / cut off = %s%n",
                mib(resent), mib(cutOff), cutOff == 0 ? "-" : String.format("%.2f", (double) resent / cutOff)));
        b.append(String.format(
                "          cut off per cut: %s; re-sent in transfers without a cut (should be 0): %d bytes%n",
                cuts == 0 ? "-" : mib(cutOff / cuts), uncutResent));
        b.append(String.format(
                "time:     %.1f s in all, %.1f MB/s of payload%n", seconds, payload / 1e6 / Math.max(seconds, 1e-9)));
        if (!failed.isEmpty() || !corrupt.isEmpty()) {
            b.append("\nproblems (first 20):\n");
            failed.stream()
                    .limit(20)
                    .forEach(r -> b.append("  failed  ")
                            .append(r.exchange().describe())
                            .append('\n'));
            corrupt.stream()
                    .limit(20)
                    .forEach(r -> b.append("  corrupt ")
                            .append(r.exchange().describe())
                            .append('\n'));
        }
        return b.toString();
    }

    /** From a cut to the sender's first TRANSFERRING after a RECONNECTING that follows the cut. */
    private static OptionalLong recoveryMillis(StateLog sender, long cutNanos) {
        OptionalLong reconnecting = sender.firstAfter(cutNanos, TransferState.RECONNECTING);
        if (reconnecting.isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong transferring = sender.firstAfter(reconnecting.getAsLong(), TransferState.TRANSFERRING);
        return transferring.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of((transferring.getAsLong() - cutNanos) / 1_000_000);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String ms(long millis) {
        return millis < 0 ? "-" : millis + " ms";
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / 1048576.0);
    }
}
