package dev.p2pcopy.protocol.fuzz;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A small seeded fuzzer for JUnit tests: runs a target on many inputs, each case with its own
 * {@link Random} derived from the seed, the target's name and the case number, so that any case
 * can be replayed alone.
 *
 * <h2>Fuzzing</h2>
 *
 * <p>The fuzz tests run with a fixed seed and their default number of cases in every build. To
 * search further, pass system properties to Maven (Surefire hands them to the tests; skip JaCoCo,
 * whose coverage gate a partial run would miss):
 *
 * <pre>
 * mvn -o -pl protocol test -Dtest='*FuzzTest' -Djacoco.skip=true -Dfuzz.seed=42 -Dfuzz.scale=20
 * </pre>
 *
 * <ul>
 *   <li>{@code fuzz.seed}: the seed (a long); a failure message names the one it ran with;
 *   <li>{@code fuzz.scale}: multiplies every target's number of cases (e.g. 20, or 0.1 for a
 *       quick run);
 *   <li>{@code fuzz.case}: runs only that case number, to replay a failure under a debugger.
 * </ul>
 */
public final class Fuzz {
    /** The seed of this run. */
    public static final long SEED = Long.getLong("fuzz.seed", 0x5EED_2026L);

    private static final double SCALE = Double.parseDouble(System.getProperty("fuzz.scale", "1"));
    private static final Integer ONLY_CASE = Integer.getInteger("fuzz.case");

    /** Values that tend to break length and index arithmetic. */
    private static final long[] INTERESTING = {
        0,
        1,
        -1,
        0x7f,
        0x80,
        0xff,
        0x7fff,
        0x8000,
        0xffff,
        13,
        14,
        15,
        16,
        17,
        4096,
        16 * 1024 * 1024,
        16 * 1024 * 1024 + 17,
        Integer.MAX_VALUE,
        Integer.MIN_VALUE,
        0xffffffffL,
        Long.MAX_VALUE,
        Long.MIN_VALUE
    };

    private Fuzz() {}

    /** One fuzz case: gets its own random source and its case number. */
    @FunctionalInterface
    public interface Case {
        /**
         * Runs the case; any exception or assertion error fails it.
         *
         * @param random this case's random source
         * @param index this case's number
         */
        void run(Random random, int index) throws Exception;
    }

    /** Whether only one case runs ({@code fuzz.case}), so that statistics over all cases mean nothing. */
    public static boolean replaying() {
        return ONLY_CASE != null;
    }

    /** The number of cases a target runs: its default times {@code fuzz.scale}, at least 1. */
    public static int cases(int defaultCases) {
        return (int) Math.max(1, Math.round(defaultCases * SCALE));
    }

    /**
     * Runs {@link #cases(int) cases(defaultCases)} cases of {@code target}.
     *
     * @return the number of cases run
     * @throws AssertionError naming the target, the case and the seed if a case fails
     */
    public static int run(String target, int defaultCases, Case body) {
        int n = cases(defaultCases);
        int ran = 0;
        for (int i = 0; i < n; i++) {
            if (ONLY_CASE != null && ONLY_CASE != i) {
                continue;
            }
            Random random = new Random(mix(SEED ^ mix(target.hashCode()) ^ mix(i + 0x9E3779B97F4A7C15L)));
            try {
                body.run(random, i);
            } catch (Throwable t) {
                throw new AssertionError(
                        target + " failed on case " + i + " of seed " + SEED + " (replay it with -Dfuzz.seed=" + SEED
                                + " -Dfuzz.case=" + i + "): " + t,
                        t);
            }
            ran++;
        }
        return ran;
    }

    /** A random byte string of 0 to {@code maxLength} bytes, often short. */
    public static byte[] randomBytes(Random random, int maxLength) {
        int length =
                random.nextInt(4) == 0 ? random.nextInt(maxLength + 1) : random.nextInt(Math.min(64, maxLength) + 1);
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** An "interesting" number: small, a power-of-two boundary, a frame limit, or an extreme. */
    public static long interesting(Random random) {
        long base = INTERESTING[random.nextInt(INTERESTING.length)];
        return random.nextInt(4) == 0 ? base + random.nextInt(3) - 1 : base;
    }

    /** {@code input} with one to four random mutations (bit flips, byte changes, cuts, insertions, ...). */
    public static byte[] mutate(Random random, byte[] input) {
        byte[] out = input;
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            out = mutateOnce(random, out);
        }
        return out;
    }

    private static byte[] mutateOnce(Random random, byte[] in) {
        int n = in.length;
        switch (n == 0 ? 5 : random.nextInt(9)) {
            case 0: { // flip one bit
                byte[] out = in.clone();
                out[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1: { // set a byte to a random or boundary value
                byte[] out = in.clone();
                out[random.nextInt(n)] = (byte) (random.nextBoolean() ? random.nextInt(256) : interesting(random));
                return out;
            }
            case 2: // truncate
                return Arrays.copyOf(in, random.nextInt(n));
            case 3: { // overwrite 1, 2, 4 or 8 bytes with a big-endian interesting number
                int width = 1 << random.nextInt(4);
                if (n < width) {
                    return in;
                }
                byte[] out = in.clone();
                long value = interesting(random);
                int at = random.nextInt(n - width + 1);
                for (int i = 0; i < width; i++) {
                    out[at + i] = (byte) (value >>> (8 * (width - 1 - i)));
                }
                return out;
            }
            case 4: { // delete a range
                int from = random.nextInt(n);
                int to = from + random.nextInt(Math.min(n - from, 32) + 1);
                byte[] out = new byte[n - (to - from)];
                System.arraycopy(in, 0, out, 0, from);
                System.arraycopy(in, to, out, from, n - to);
                return out;
            }
            case 5: { // insert random bytes
                int at = n == 0 ? 0 : random.nextInt(n + 1);
                byte[] extra = new byte[1 + random.nextInt(32)];
                random.nextBytes(extra);
                return splice(in, at, extra);
            }
            case 6: { // duplicate a range
                int from = random.nextInt(n);
                int len = 1 + random.nextInt(Math.min(n - from, 64));
                return splice(in, random.nextInt(n + 1), Arrays.copyOfRange(in, from, from + len));
            }
            case 7: { // append random bytes (extension)
                byte[] extra = new byte[1 + random.nextInt(64)];
                random.nextBytes(extra);
                return splice(in, n, extra);
            }
            default: { // swap two bytes
                byte[] out = in.clone();
                int a = random.nextInt(n);
                int b = random.nextInt(n);
                byte t = out[a];
                out[a] = out[b];
                out[b] = t;
                return out;
            }
        }
    }

    private static byte[] splice(byte[] in, int at, byte[] extra) {
        byte[] out = new byte[in.length + extra.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(in, at, out, at + extra.length, in.length - at);
        return out;
    }

    /** A short printable view of {@code bytes} for failure messages. */
    public static String show(byte[] bytes) {
        int shown = Math.min(bytes.length, 96);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            hex.append(String.format("%02x", bytes[i]));
        }
        String text = new String(bytes, 0, shown, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", ".");
        return bytes.length + " bytes, hex " + hex + (shown < bytes.length ? "…" : "") + " (" + text + ")";
    }

    /** Measures heap bytes allocated by the current thread. */
    public static final class Allocation {
        private final com.sun.management.ThreadMXBean threads;

        private Allocation(com.sun.management.ThreadMXBean threads) {
            this.threads = threads;
        }

        /** A meter, or a skipped test where the JVM cannot count allocations per thread. */
        public static Allocation meter() {
            boolean supported = ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported();
            assumeTrue(supported, "this JVM cannot count the bytes a thread allocates");
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            threads.setThreadAllocatedMemoryEnabled(true);
            return new Allocation(threads);
        }

        /** Heap bytes the current thread has allocated since it started. */
        public long allocated() {
            return threads.getCurrentThreadAllocatedBytes();
        }

        /**
         * Runs {@code body} and fails if it allocated more than {@code allowed} bytes twice in a
         * row: the first run down a new code path loads classes and fills caches, so an excess
         * counts only if a repeat shows it too. {@code body} must give the same result each time.
         *
         * @param what names the input, for the failure message
         * @return what the first run returned
         */
        public <T> T within(long allowed, Supplier<String> what, Supplier<T> body) {
            long before = allocated();
            T result = body.get();
            if (allocated() - before > allowed) {
                before = allocated();
                body.get();
                long again = allocated() - before;
                if (again > allowed) {
                    throw new AssertionError(what.get() + " allocated " + again + " bytes, more than the " + allowed
                            + " its size allows");
                }
            }
            return result;
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
