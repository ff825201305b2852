package dev.p2pcopy.desktop.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The background writer: one run at a time, only the latest value, and close waits for it. */
@Timeout(30)
class LatestWinsTest {
    private final List<Integer> handed = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** Takes a value; the first one waits for {@link #release}, so later ones pile up meanwhile. */
    private void slowConsumer(Integer value) {
        threads.add(Thread.currentThread());
        firstStarted.countDown();
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handed.add(value);
    }

    @Test
    void aBurstWhileARunIsUnderWayCostsOneMoreRunWithTheLatestValue() throws InterruptedException {
        LatestWins<Integer> writer = new LatestWins<>("test-writer", this::slowConsumer);
        writer.submit(0);
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 20; i++) {
            writer.submit(i);
        }
        release.countDown();

        assertThat(writer.close(Duration.ofSeconds(10))).isTrue();

        assertThat(handed).containsExactly(0, 20);
        assertThat(threads).allSatisfy(t -> {
            assertThat(t.getName()).isEqualTo("test-writer");
            assertThat(t.isDaemon())
                    .as("a save under way finishes when the app quits")
                    .isFalse();
        });
    }

    @Test
    void valuesAfterCloseAreIgnored() {
        LatestWins<Integer> writer = new LatestWins<>("test-writer", handed::add);
        writer.submit(1);

        assertThat(writer.close(Duration.ofSeconds(10))).isTrue();
        writer.submit(2);

        assertThat(writer.close(Duration.ofSeconds(10))).isTrue();
        assertThat(handed).containsExactly(1);
    }

    @Test
    void closeGivesUpAfterItsWaitWhileARunIsStillUnderWay() throws InterruptedException {
        LatestWins<Integer> writer = new LatestWins<>("test-writer", this::slowConsumer);
        writer.submit(7);
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(writer.close(Duration.ofMillis(50))).isFalse();

        release.countDown();
        assertThat(writer.close(Duration.ofSeconds(10)))
                .as("the run still finishes")
                .isTrue();
        assertThat(handed).containsExactly(7);
    }
}
