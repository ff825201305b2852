package dev.p2pcopy.protocol.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.TransferListener;
import dev.p2pcopy.protocol.TransferProgress;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
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
        meter.start(1000, files(500, 500), 0);
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
        meter.start(10_000, files(10_000), 0);
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
        meter.start(30, files(10, 10, 10), 5);
        assertThat(meter.snapshot().currentFile()).isEqualTo("f0");
        assertThat(meter.snapshot().verifiedBytes()).isEqualTo(5);
        meter.update(20, 2);
        meter.update(10, 1); // a late, older figure
        TransferProgress p = meter.snapshot();
        assertThat(p.verifiedBytes()).isEqualTo(20);
        assertThat(p.filesDone()).isEqualTo(2);
        assertThat(p.fileCount()).isEqualTo(3);
        assertThat(p.currentFile()).isEqualTo("f2");
        meter.update(30, 3);
        assertThat(meter.snapshot().currentFile()).isEmpty();
    }

    @Test
    void countsTheCurrentFilesOwnBytes() {
        meter.start(350, files(100, 200, 50), 0);
        meter.update(160, 1);
        TransferProgress p = meter.snapshot();
        assertThat(p.currentFile()).isEqualTo("f1");
        assertThat(p.currentFileBytes()).isEqualTo(60);
        assertThat(p.currentFileSize()).isEqualTo(200);
        assertThat(p.currentFileFraction()).isEqualTo(0.3);
        meter.update(350, 3);
        assertThat(meter.snapshot().currentFileSize()).isZero();
        assertThat(meter.snapshot().currentFileFraction()).isEqualTo(1.0);
    }

    private static List<ManifestEntry> files(long... sizes) {
        List<ManifestEntry> entries = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            entries.add(new ManifestEntry("f" + i, EntryType.FILE, sizes[i], 0, 0644));
        }
        return entries;
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
        broken.start(10, files(10), 0);
        broken.update(5, 0);
        broken.finish();
        assertThat(broken.snapshot().verifiedBytes()).isEqualTo(5);
    }
}
