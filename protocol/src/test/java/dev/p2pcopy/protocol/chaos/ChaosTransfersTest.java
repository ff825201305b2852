package dev.p2pcopy.protocol.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.ReconnectPolicy;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.TransferState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of transfers of small mixed datasets through a proxy that cuts their connections in
 * the middle of the file data: every one completes by itself, byte for byte, with no temporary
 * file left behind. Seeded: rerun a failure with {@code -Dchaos.seed=N} (and fewer transfers
 * with {@code -Dchaos.transfers=N}).
 */
class ChaosTransfersTest {
    private static final long SEED = Long.getLong("chaos.seed", 20261124L);
    private static final int TRANSFERS = Integer.getInteger("chaos.transfers", 200);
    private static final int PARALLEL = 6;
    private static final long MAX_FILE = 2 << 20;
    private static final ReconnectPolicy RECONNECT = new ReconnectPolicy(
            Duration.ofSeconds(30), Duration.ofMillis(20), Duration.ofMillis(500), Duration.ofSeconds(5));

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyTransferCompletesByItselfThroughRandomCuts() throws Exception {
        System.out.println("ChaosTransfersTest: seed " + SEED + " (rerun with -Dchaos.seed=" + SEED + ")");
        long start = System.nanoTime();
        CutPlanner planner = new CutPlanner(0.8);
        try (ChaosRig rig = ChaosRig.start(ChaosRig.relayConfig().build(), planner, SEED)) {
            Exchange.Settings settings =
                    new Exchange.Settings(rig.uri(), RECONNECT, SendOptions.MIN_CHUNK_SIZE, Duration.ofSeconds(60));
            planner.calibrate(rig.proxy(), settings, tmp);
            List<Exchange> exchanges = runAll(settings, planner);
            check(rig.proxy(), exchanges);
        }
        System.out.printf("ChaosTransfersTest: %d transfers in %.1f s%n", TRANSFERS, (System.nanoTime() - start) / 1e9);
    }

    private List<Exchange> runAll(Exchange.Settings settings, CutPlanner planner) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Exchange>> futures = new ArrayList<>();
            for (int i = 0; i < TRANSFERS; i++) {
                int index = i;
                futures.add(pool.submit(() -> transfer(settings, planner, index)));
            }
            List<Exchange> exchanges = new ArrayList<>();
            for (Future<Exchange> f : futures) {
                try {
                    exchanges.add(f.get(120, TimeUnit.SECONDS));
                } catch (ExecutionException | TimeoutException e) {
                    throw new AssertionError("seed " + SEED + ": a transfer's driver broke: " + e, e);
                }
            }
            return exchanges;
        } finally {
            pool.shutdownNow();
        }
    }

    private Exchange transfer(Exchange.Settings settings, CutPlanner planner, int index) throws Exception {
        Random random = new Random(Seeds.derive(SEED, index));
        Path src = tmp.resolve("s" + index);
        Path out = tmp.resolve("r" + index);
        Datasets.Dataset data = Datasets.mixed(src, random, MAX_FILE);
        String code = (1000 + index) + "-chaos-" + Integer.toString(random.nextInt(1 << 20), 36);
        planner.register(code, CutPlanner.randomPlan(random, data));
        Exchange e = Exchange.run(settings, code, data, out, new StateLog(), new StateLog());
        if (e.ok()) {
            Exchange.deleteTree(src);
            Exchange.deleteTree(out);
        }
        return e;
    }

    private static void check(ChaosProxy proxy, List<Exchange> exchanges) {
        List<String> failed = exchanges.stream()
                .filter(e -> !e.ok())
                .map(e -> e.describe() + "; proxy: " + proxy.history(e.room()))
                .toList();
        assertThat(failed)
                .as("seed %d: transfers that did not complete by themselves, intact", SEED)
                .isEmpty();

        Map<String, Long> cutsPerRoom = proxy.events().stream()
                .filter(ChaosEvent::isCut)
                .collect(Collectors.groupingBy(ChaosEvent::room, Collectors.counting()));
        long cuts = cutsPerRoom.values().stream().mapToLong(Long::longValue).sum();
        List<String> unnoticed = exchanges.stream()
                .filter(e -> cutsPerRoom.containsKey(e.room()))
                .filter(e -> reconnects(e) == 0)
                .map(Exchange::describe)
                .toList();
        System.out.printf(
                "ChaosTransfersTest: %d cuts (%d resets, %d FINs) in %d of %d transfers; %d RECONNECTING states%n",
                cuts,
                proxy.count(ChaosEvent.Kind.CUT),
                proxy.count(ChaosEvent.Kind.FIN),
                cutsPerRoom.size(),
                exchanges.size(),
                exchanges.stream().mapToLong(ChaosTransfersTest::reconnects).sum());
        assertThat(cuts).as("seed %d: cuts made", SEED).isGreaterThanOrEqualTo(TRANSFERS);
        assertThat(unnoticed)
                .as("seed %d: cut transfers that never reported RECONNECTING", SEED)
                .isEmpty();
    }

    private static long reconnects(Exchange e) {
        return e.sender().count(TransferState.RECONNECTING) + e.receiver().count(TransferState.RECONNECTING);
    }
}
