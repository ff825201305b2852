package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.FailureReason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
    @Test
    void everyFailureHasItsOwnDocumentedCode() {
        assertThat(Arrays.stream(FailureReason.values()).map(ExitCodes::of))
                .doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(ExitCodes.descriptions()).containsKey(Integer.toString(code)));
    }

    @Test
    void theDocumentedTableIsTheContract() {
        assertThat(ExitCodes.descriptions().keySet())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "130");
        assertThat(ExitCodes.of(FailureReason.PEER_DECLINED)).isEqualTo(4);
        assertThat(ExitCodes.of(FailureReason.CANCELLED)).isEqualTo(130);
    }
}
