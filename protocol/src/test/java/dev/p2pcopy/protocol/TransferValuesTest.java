package dev.p2pcopy.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferValuesTest {

    @Test
    void fractionAndEtaFollowTheVerifiedBytes() {
        TransferProgress p = new TransferProgress(1000, 250, 50, 2, 0, "a.txt");
        assertThat(p.fraction()).isEqualTo(0.25);
        assertThat(p.eta()).contains(Duration.ofSeconds(15));
    }

    @Test
    void emptyTransferIsCompleteAndUnknownRateHasNoEta() {
        assertThat(TransferProgress.NONE.fraction()).isEqualTo(1.0);
        assertThat(new TransferProgress(10, 20, 0, 1, 1, "").fraction()).isEqualTo(1.0);
        assertThat(new TransferProgress(10, 5, 0, 1, 0, "").eta()).isEmpty();
        assertThat(new TransferProgress(10, 20, 5, 1, 0, "").eta()).contains(Duration.ZERO);
    }

    @Test
    void onlyEndStatesAreTerminal() {
        for (TransferState s : TransferState.values()) {
            boolean end = s == TransferState.DONE || s == TransferState.FAILED || s == TransferState.CANCELLED;
            assertThat(s.isTerminal()).as(s.name()).isEqualTo(end);
        }
    }

    @Test
    void resultCopiesItsPaths() {
        List<Path> paths = new ArrayList<>(List.of(Path.of("a")));
        TransferResult r = new TransferResult(1, 3, Duration.ofSeconds(1), paths);
        paths.add(Path.of("b"));
        assertThat(r.paths()).containsExactly(Path.of("a"));
    }

    @Test
    void exceptionCarriesReasonMessageAndCause() {
        var cause = new java.io.IOException("disk");
        TransferException e = new TransferException(FailureReason.LOCAL_IO, "Cannot write.", cause);
        assertThat(e.reason()).isEqualTo(FailureReason.LOCAL_IO);
        assertThat(e).hasMessage("Cannot write.").hasCause(cause);
        assertThat(new TransferException(FailureReason.INTEGRITY, "Bad.").reason())
                .isEqualTo(FailureReason.INTEGRITY);
        assertThat(FailureReason.valueOf("PEER_DECLINED")).isEqualTo(FailureReason.PEER_DECLINED);
        assertThat(ConflictPolicy.valueOf("FAIL")).isEqualTo(ConflictPolicy.FAIL);
        assertThat(Compression.valueOf("ZSTD")).isEqualTo(Compression.ZSTD);
    }
}
