package dev.p2pcopy.relay;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;

/**
 * A small seeded fuzzer for the relay's tests, like the protocol module's {@code
 * dev.p2pcopy.protocol.fuzz.Fuzz} (test code is not shared between modules): each case gets its
 * own {@link Random} from the seed, the target's name and the case number.
 *
 * <p>Other seeds and more cases: {@code mvn -o -pl relay-headless test -Dtest=RelayEntryFuzzTest
 * -Djacoco.skip=true -Dfuzz.seed=42 -Dfuzz.scale=20}; {@code -Dfuzz.case=N} replays one case.
 */
final class Fuzz {
    static final long SEED = Long.getLong("fuzz.seed", 0x5EED_2026L);

    private static final double SCALE = Double.parseDouble(System.getProperty("fuzz.scale", "1"));
    private static final Integer ONLY_CASE = Integer.getInteger("fuzz.case");
    private static final long[] INTERESTING = {
        0,
        1,
        -1,
        0x7d,
        0x7e,
        0x7f,
        0x80,
        0xff,
        0xffff,
        0x10000,
        1L << 24,
        1L << 31,
        0xffffffffL,
        Long.MAX_VALUE,
        Long.MIN_VALUE
    };

    private Fuzz() {}

    /** One fuzz case. */
    @FunctionalInterface
    interface Case {
        void run(Random random, int index) throws Exception;
    }

    static int cases(int defaultCases) {
        return (int) Math.max(1, Math.round(defaultCases * SCALE));
    }

    static boolean replaying() {
        return ONLY_CASE != null;
    }

    /** Runs the cases of {@code target}; a failure names the target, the case and the seed. */
    static void run(String target, int defaultCases, Case body) {
        int n = cases(defaultCases);
        for (int i = 0; i < n; i++) {
            if (ONLY_CASE != null && ONLY_CASE != i) {
                continue;
            }
            long caseSeed = mix(SEED ^ mix(target.hashCode()) ^ mix(i + 0x9E3779B97F4A7C15L));
            try {
                try {
                    body.run(new Random(caseSeed), i);
                } catch (ExcessAllocation first) {
                    // The first input down a new path loads classes; only a repeat shows what the case itself takes.
                    body.run(new Random(caseSeed), i);
                }
            } catch (Throwable t) {
                throw new AssertionError(
                        target + " failed on case " + i + " of seed " + SEED + " (replay it with -Dfuzz.seed=" + SEED
                                + " -Dfuzz.case=" + i + "): " + t,
                        t);
            }
        }
    }

    static long interesting(Random random) {
        return INTERESTING[random.nextInt(INTERESTING.length)];
    }

    /** {@code input} with one to four random mutations: bit flips, byte changes, cuts, insertions, copies. */
    static byte[] mutate(Random random, byte[] input) {
        byte[] out = input;
        for (int r = 1 + random.nextInt(4); r > 0; r--) {
            int n = out.length;
            int op = n == 0 ? 4 : random.nextInt(6);
            if (op == 0) {
                out = out.clone();
                out[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
            } else if (op == 1) {
                out = out.clone();
                out[random.nextInt(n)] = (byte) random.nextInt(256);
            } else if (op == 2) {
                out = Arrays.copyOf(out, random.nextInt(n));
            } else if (op == 3) {
                int from = random.nextInt(n);
                int to = from + random.nextInt(Math.min(n - from, 16) + 1);
                byte[] cut = new byte[n - (to - from)];
                System.arraycopy(out, 0, cut, 0, from);
                System.arraycopy(out, to, cut, from, n - to);
                out = cut;
            } else if (op == 4) {
                byte[] extra = new byte[1 + random.nextInt(24)];
                random.nextBytes(extra);
                out = splice(out, n == 0 ? 0 : random.nextInt(n + 1), extra);
            } else {
                int from = random.nextInt(n);
                int len = 1 + random.nextInt(Math.min(n - from, 48));
                out = splice(out, random.nextInt(n + 1), Arrays.copyOfRange(out, from, from + len));
            }
        }
        return out;
    }

    private static byte[] splice(byte[] in, int at, byte[] extra) {
        byte[] out = new byte[in.length + extra.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(in, at, out, at + extra.length, in.length - at);
        return out;
    }

    /** A case allocated more than its bound; {@link #run} repeats such a case once before it fails. */
    static final class ExcessAllocation extends AssertionError {
        private static final long serialVersionUID = 1L;

        ExcessAllocation(String message) {
            super(message);
        }
    }

    /** Heap bytes the current thread has allocated so far, or -1 where the JVM cannot tell. */
    static long allocated() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()
                && threads.isThreadAllocatedMemoryEnabled()) {
            return threads.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
