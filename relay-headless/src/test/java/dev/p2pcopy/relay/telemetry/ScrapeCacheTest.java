package dev.p2pcopy.relay.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ScrapeCacheTest {

    private static final long SECOND = ScrapeCache.MAX_AGE.toNanos();

    /** Counts renderings; each one's text differs, so a re-rendering shows in the bytes. */
    private final AtomicInteger renders = new AtomicInteger();

    private final AtomicLong now = new AtomicLong(123_456_789L);
    private final ScrapeCache cache = new ScrapeCache(() -> "rendering " + renders.incrementAndGet() + "\n", now::get);

    @Test
    void rendersOnlyAtTheFirstScrape() {
        assertThat(renders).hasValue(0);
        assertThat(text(cache.scrape())).isEqualTo("rendering 1\n");
        assertThat(renders).hasValue(1);
    }

    @Test
    void servesTheSameBytesWithinASecondWithoutRenderingAgain() {
        ByteBuffer first = cache.scrape();
        now.addAndGet(SECOND / 2);
        ByteBuffer second = cache.scrape();
        now.addAndGet(SECOND / 2 - 1);
        ByteBuffer third = cache.scrape();

        assertThat(renders).hasValue(1);
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(text(third)).isEqualTo("rendering 1\n");
    }

    @Test
    void rendersAgainOnceTheLastRenderingIsASecondOld() {
        cache.scrape();
        now.addAndGet(SECOND);
        assertThat(text(cache.scrape())).isEqualTo("rendering 2\n");
        now.addAndGet(SECOND - 1);
        assertThat(text(cache.scrape())).as("a second from the new rendering").isEqualTo("rendering 2\n");
        now.addAndGet(1);
        assertThat(text(cache.scrape())).isEqualTo("rendering 3\n");
        assertThat(renders).hasValue(3);
    }

    @Test
    void eachScrapeGetsItsOwnReadOnlyViewOfTheText() {
        ByteBuffer first = cache.scrape();
        assertThat(first.isReadOnly()).isTrue();
        first.get(new byte[first.remaining()]);
        ByteBuffer second = cache.scrape();
        assertThat(second.remaining())
                .as("reading one view leaves the next whole")
                .isEqualTo(12);
        assertThat(renders).hasValue(1);
        assertThatThrownBy(() -> second.put(0, (byte) 'X')).isInstanceOf(ReadOnlyBufferException.class);
        assertThat(text(cache.scrape())).isEqualTo("rendering 1\n");
    }

    private static String text(ByteBuffer bytes) {
        return StandardCharsets.UTF_8.decode(bytes).toString();
    }
}
