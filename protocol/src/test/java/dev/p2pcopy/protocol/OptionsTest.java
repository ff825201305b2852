package dev.p2pcopy.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTest {
    private static final URI RELAY = URI.create("ws://127.0.0.1:8765");

    @Test
    void sendDefaultsMatchTheDocumentedOnes() {
        SendOptions o = SendOptions.builder(RELAY).build();
        assertThat(o.relay()).isEqualTo(RELAY);
        assertThat(o.code()).isEmpty();
        assertThat(o.chunkSize()).isEqualTo(1024 * 1024);
        assertThat(o.compression()).isEqualTo(Compression.AUTO);
        assertThat(o.listener()).isSameAs(TransferListener.NONE);
    }

    @Test
    void sendKeepsWhatWasSet() {
        TransferListener listener = new TransferListener() {};
        SendOptions o = SendOptions.builder(RELAY)
                .code("7-a-b-c")
                .chunkSize(SendOptions.MIN_CHUNK_SIZE)
                .compression(Compression.NONE)
                .listener(listener)
                .build();
        assertThat(o.code()).contains("7-a-b-c");
        assertThat(o.chunkSize()).isEqualTo(64 * 1024);
        assertThat(o.compression()).isEqualTo(Compression.NONE);
        assertThat(o.listener()).isSameAs(listener);
        assertThat(SendOptions.builder(RELAY)
                        .chunkSize(SendOptions.MAX_CHUNK_SIZE)
                        .build()
                        .chunkSize())
                .isEqualTo(16 * 1024 * 1024);
    }

    @Test
    void chunkSizeOutOfRangeIsAUsageError() {
        for (int bad : new int[] {0, SendOptions.MIN_CHUNK_SIZE - 1, SendOptions.MAX_CHUNK_SIZE + 1}) {
            assertThatThrownBy(() -> SendOptions.builder(RELAY).chunkSize(bad))
                    .isInstanceOfSatisfying(
                            TransferException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.USAGE))
                    .hasMessageContaining("64 KiB and 16 MiB");
        }
    }

    @Test
    void receiveDefaultsAndSetters() {
        Path out = Path.of("inbox");
        ReceiveOptions d = ReceiveOptions.builder(RELAY, out).build();
        assertThat(d.relay()).isEqualTo(RELAY);
        assertThat(d.outputDir()).isEqualTo(out);
        assertThat(d.offerHandler()).isSameAs(OfferHandler.ACCEPT_ALL);
        assertThat(d.conflictPolicy()).isEqualTo(ConflictPolicy.RENAME);
        assertThat(d.listener()).isSameAs(TransferListener.NONE);

        OfferHandler no = m -> java.util.concurrent.CompletableFuture.completedFuture(false);
        TransferListener listener = new TransferListener() {};
        ReceiveOptions o = ReceiveOptions.builder(RELAY, out)
                .offerHandler(no)
                .conflictPolicy(ConflictPolicy.SKIP)
                .listener(listener)
                .build();
        assertThat(o.offerHandler()).isSameAs(no);
        assertThat(o.conflictPolicy()).isEqualTo(ConflictPolicy.SKIP);
        assertThat(o.listener()).isSameAs(listener);
    }

    @Test
    void acceptAllAcceptsAndNoneListenerIgnores() {
        assertThat(OfferHandler.ACCEPT_ALL
                        .onOffer(new dev.p2pcopy.protocol.manifest.Manifest(java.util.List.of()))
                        .toCompletableFuture()
                        .join())
                .isTrue();
        TransferListener.NONE.onStateChanged(TransferState.DONE);
        TransferListener.NONE.onProgress(TransferProgress.NONE);
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> SendOptions.builder(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ReceiveOptions.builder(RELAY, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SendOptions.builder(RELAY).compression(null)).isInstanceOf(NullPointerException.class);
    }
}
