package dev.p2pcopy.desktop.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class FxThrottleTest {
    @Test
    void aFloodOfValuesReachesTheFxThreadAtMostTenTimesASecondAndTheLastOneWins() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        FxThrottle<Integer> throttle = new FxThrottle<>(Duration.ofMillis(100), value -> {
            seen.add(value);
            onFxThread.add(Platform.isFxApplicationThread());
        });
        long start = System.nanoTime();
        int value = 0;
        while (System.nanoTime() - start < 1_000_000_000L) { // a producer far faster than the UI needs
            throttle.submit(++value);
            LockSupport.parkNanos(200_000);
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        int last = value;
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !seen.isEmpty() && seen.get(seen.size() - 1) == last);

        assertThat(value).isGreaterThan(500);
        // One at once, then one per 100 ms: for about a second, at most 11 plus the final one.
        assertThat(seen.size()).isBetween(2, (int) (elapsedMillis / 100) + 2);
        assertThat(seen).isSorted();
        assertThat(onFxThread).containsOnly(true);
    }
}
