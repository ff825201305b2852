package dev.p2pcopy.protocol.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.TransferListener;
import dev.p2pcopy.protocol.TransferProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ProgressMeterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<TransferProgress> heard = new ArrayList<>();
    private final ProgressMeter meter = new ProgressMeter(
            new TransferListener() {
                @Override
                public void onProgress(TransferProgress progress) {
                    heard.add(progress);
                }
            },
            now::get);

    @Test
    void tellsTheListenerAtMostTenTimesASecondPlusAtTheEnd() {
        meter.start(1000, List.of("a", "b"), 0);
        for (int i = 1; i <= 100; i++) {
            now.addAndGet(10_000_000L); // 10 ms apart: one second in all
            meter.update(i * 10L, 0);
        }
        assertThat(heard).hasSizeBetween(9, 11);
        meter.finish();
        assertThat(heard.get(heard.size() - 1).verifiedBytes()).isEqualTo(1000);
    }

    @Test
    void smoothsTheRateOverAboutTwoSeconds() {
        meter.start(10_000, List.of("a"), 0);
        for (int i = 1; i <= 50; i++) {
            now.addAndGet(100_000_000L);
            meter.update(i * 100L, 0); // 1000 bytes per second
        }
        assertThat(meter.snapshot().bytesPerSecond()).isCloseTo(1000, org.assertj.core.data.Offset.offset(1.0));
        for (int i = 1; i <= 30; i++) {
            now.addAndGet(100_000_000L);
            meter.update(5000 + i * 200L, 0); // now 2000 bytes per second
        }
        assertThat(meter.snapshot().bytesPerSecond()).isCloseTo(2000, org.assertj.core.data.Offset.offset(100.0));
    }

    @Test
    void namesTheFileBeingTransferredAndNeverGoesBackwards() {
        meter.start(30, List.of("a", "b", "c"), 5);
        assertThat(meter.snapshot().currentFile()).isEqualTo("a");
        assertThat(meter.snapshot().verifiedBytes()).isEqualTo(5);
        meter.update(20, 2);
        meter.update(10, 1); // a late, older figure
        TransferProgress p = meter.snapshot();
        assertThat(p.verifiedBytes()).isEqualTo(20);
        assertThat(p.filesDone()).isEqualTo(2);
        assertThat(p.fileCount()).isEqualTo(3);
        assertThat(p.currentFile()).isEqualTo("c");
        meter.update(30, 3);
        assertThat(meter.snapshot().currentFile()).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotBreakTheMeter() {
        ProgressMeter broken = new ProgressMeter(
                new TransferListener() {
                    @Override
                    public void onProgress(TransferProgress progress) {
                        throw new IllegalStateException("bug");
                    }
                },
                now::get);
        broken.start(10, List.of("a"), 0);
        broken.update(5, 0);
        broken.finish();
        assertThat(broken.snapshot().verifiedBytes()).isEqualTo(5);
    }
}
