package dev.p2pcopy.protocol.chaos;

import dev.p2pcopy.protocol.TransferState;
import dev.p2pcopy.protocol.code.Code;
import dev.p2pcopy.protocol.transport.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link FaultPolicy} that aims cuts at file data. Each transfer registers a {@link Plan}: how
 * many of each side's connections to cut (the first ones). A cut falls after the bytes that
 * precede the data (measured once by {@link #calibrate}), inside the data: the first 80% of it
 * on a first connection, the first half on a resumed one, which has less left. The data's
 * direction is counted: client to relay for the sender, relay to client for the receiver.
 */
final class CutPlanner implements FaultPolicy {
    /** The sender's role as the relay URL names it. */
    static final String SENDER = Role.SEND.wireName();
    /** The receiver's role as the relay URL names it. */
    static final String RECEIVER = Role.RECEIVE.wireName();
    /** Manifest bytes per file, more than enough: the bytes before the data grow with the file count. */
    private static final long MANIFEST_BYTES_PER_FILE = 150;

    /**
     * Cuts for one transfer.
     *
     * @param senderCuts how many of the sender's connections are cut, from its first
     * @param receiverCuts how many of the receiver's connections are cut, from its first
     * @param payload the transfer's file bytes
     * @param files the transfer's file count
     */
    record Plan(int senderCuts, int receiverCuts, long payload, int files) {}

    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final double abortiveShare;
    private volatile long senderPreData = -1;
    private volatile long receiverPreData = -1;

    /** A planner whose cuts are resets with probability {@code abortiveShare}, else clean FINs. */
    CutPlanner(double abortiveShare) {
        this.abortiveShare = abortiveShare;
    }

    /**
     * Most transfers get a cut, on the sender's or the receiver's connection; some on both; some
     * several. A transfer without data gets none: there is nothing to aim at.
     */
    static Plan randomPlan(Random random, Datasets.Dataset data) {
        double r = random.nextDouble();
        if (data.bytes() == 0) {
            return new Plan(0, 0, 0, data.files());
        }
        int senderCuts = r < 0.05 ? 0 : r < 0.50 ? 1 : r < 0.65 ? 0 : r < 0.85 ? 1 : 2;
        int receiverCuts = r < 0.50 ? 0 : 1;
        return new Plan(senderCuts, receiverCuts, data.bytes(), data.files());
    }

    /** Cuts the connections of the transfer with {@code code} as {@code plan} says. */
    void register(String code, Plan plan) {
        plans.put(Code.parse(code).roomId(), plan);
    }

    /**
     * Measures the bytes each side's connection carries before file data flows (HTTP upgrade,
     * relay notices, HELLO, PAKE, manifest): sends one byte through {@code proxy} and reads the
     * proxy's counters when each side enters {@link TransferState#TRANSFERRING}. The calibration's
     * own transfer is registered with no plan, so nothing cuts it.
     */
    void calibrate(ChaosProxy proxy, Exchange.Settings settings, Path tmp) throws IOException {
        String code = "99999-chaos-calibration";
        String room = Code.parse(code).roomId();
        long[] seen = {-1, -1};
        StateLog senderLog = new StateLog(s -> {
            if (s == TransferState.TRANSFERRING && seen[0] < 0) {
                seen[0] = proxy.forwarded(room, SENDER)[0];
            }
        });
        StateLog receiverLog = new StateLog(s -> {
            if (s == TransferState.TRANSFERRING && seen[1] < 0) {
                seen[1] = proxy.forwarded(room, RECEIVER)[1];
            }
        });
        Datasets.Dataset one = Datasets.singleFile(tmp.resolve("calibration"), 1, new Random(1));
        Exchange e = Exchange.run(settings, code, one, tmp.resolve("calibration-out"), senderLog, receiverLog);
        if (!e.ok() || seen[0] < 500 || seen[1] < 500) {
            throw new AssertionError("calibration failed: " + e.describe() + ", bytes before the data: sender "
                    + seen[0] + ", receiver " + seen[1]);
        }
        senderPreData = seen[0];
        receiverPreData = seen[1];
    }

    /** Whether a transfer registered for {@code link}'s room, so {@link #dataRange} knows where its data is. */
    boolean knows(FaultPolicy.LinkInfo link) {
        return plans.containsKey(link.room());
    }

    /**
     * Where {@code link}'s file data lies, counted in {@link #dataDirection}: after the bytes that
     * precede it, within its first 80% on a first connection or its first half on a resumed one.
     */
    RandomFaults.ByteRange dataRange(FaultPolicy.LinkInfo link) {
        Plan plan = plans.get(link.room());
        if (plan == null || senderPreData < 0) {
            throw new IllegalStateException("register the transfer and calibrate() first");
        }
        long from = (link.role().equals(SENDER) ? senderPreData : receiverPreData)
                + 64
                + MANIFEST_BYTES_PER_FILE * plan.files();
        long span = Math.max(1, (long) (plan.payload() * (link.attempt() == 0 ? 0.8 : 0.5)));
        return new RandomFaults.ByteRange(from, from + span - 1);
    }

    /** The direction file data flows on {@code link}: client to relay for the sender, the other way for the receiver. */
    static Direction dataDirection(FaultPolicy.LinkInfo link) {
        return link.role().equals(SENDER) ? Direction.UP : Direction.DOWN;
    }

    @Override
    public Faults plan(FaultPolicy.LinkInfo link, Random random) {
        Plan plan = plans.get(link.room());
        // Drawn always, so that a connection's draws do not depend on the plan.
        double where = random.nextDouble();
        boolean abortive = random.nextDouble() < abortiveShare;
        int cuts = plan == null ? 0 : link.role().equals(SENDER) ? plan.senderCuts() : plan.receiverCuts();
        if (link.attempt() >= cuts) {
            return Faults.NONE;
        }
        RandomFaults.ByteRange range = dataRange(link);
        long at = range.min() + (long) (where * (range.max() - range.min() + 1));
        return abortive ? Faults.cut(dataDirection(link), at) : Faults.fin(dataDirection(link), at);
    }
}
