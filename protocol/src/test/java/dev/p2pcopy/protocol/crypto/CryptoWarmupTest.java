package dev.p2pcopy.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CryptoWarmupTest {

    @Test
    @Timeout(60)
    void warmsUpOnOneDaemonThreadPerJvm() throws Exception {
        CryptoWarmup.startOnce();
        CryptoWarmup.startOnce();

        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        long warmups = threads.stream()
                .filter(t -> t.getName().equals("p2p-copy-crypto-warmup"))
                .peek(t -> assertThat(t.isDaemon()).isTrue())
                .count();
        assertThat(warmups).isLessThanOrEqualTo(1);
        for (Thread t : threads) {
            if (t.getName().equals("p2p-copy-crypto-warmup")) {
                t.join(TimeUnit.SECONDS.toMillis(50));
                assertThat(t.isAlive()).isFalse();
            }
        }
    }

    @Test
    @Timeout(60)
    void theWarmUpRoundTripsItsRecords() {
        // Throws if anything it seals fails to open.
        CryptoWarmup.run();
    }
}
