package dev.p2pcopy.protocol.crypto;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gets the JVM's AES-GCM intrinsics compiled before the first file data is sealed.
 *
 * <p>HotSpot uses its AES and GHASH intrinsics only once the JDK methods that call them have been
 * compiled, which takes thousands of invocations: one invocation per record meant that a
 * fresh process sealed its first few hundred MiB with interpreted GHASH, several times slower
 * (measured in bench/e2e.sh). Sealing and opening ten thousand small records takes about 0.3 s
 * of CPU on a background thread while the session connects, waits for its peer and runs the
 * PAKE, after which bulk data runs at full speed from the first frame.
 */
public final class CryptoWarmup {
    private static final int ROUNDS = 10_000;
    private static final int RECORD = 512;
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private CryptoWarmup() {}

    /** Starts the warm-up on a low-priority daemon thread, once per JVM; returns at once. */
    public static void startOnce() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(CryptoWarmup::run, "p2p-copy-crypto-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    static void run() {
        byte[] key = new byte[FrameCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        FrameCipher cipher = new FrameCipher(key);
        byte[] header = new byte[14];
        byte[] plain = new byte[RECORD];
        byte[] sealed = new byte[FrameCipher.sealedLength(RECORD)];
        try {
            for (int i = 0; i < ROUNDS; i++) {
                cipher.seal(header, i, plain, 0, RECORD, sealed, 0);
                cipher.open(header, i, sealed, 0, sealed.length);
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to open what it sealed", e);
        }
    }
}
