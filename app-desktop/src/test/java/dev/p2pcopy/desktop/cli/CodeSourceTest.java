package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the code comes from, and that it stays out of everything printed. */
class CodeSourceTest {
    private static final String SECRET = "4821-river-orbit-lamp";

    private final WatchedStream out = new WatchedStream();
    private final WatchedStream err = new WatchedStream();

    @Test
    void theReceiversArgumentWinsButIsWarnedAbout() {
        FakeTerminal terminal = FakeTerminal.typing();

        String code =
                source(Map.of(CodeSource.VARIABLE, "1-from-env"), terminal).forReceive(SECRET);

        assertThat(code).isEqualTo(SECRET);
        assertThat(terminal.prompts()).isEmpty();
        assertThat(err.text())
                .isEqualTo("Warning: a code on the command line can be seen by other users of this computer in the"
                        + " process list; set P2P_COPY_CODE instead, or leave CODE out to be asked for it."
                        + System.lineSeparator());
    }

    @Test
    void withoutAnArgumentTheEnvironmentComesBeforeTheTerminal() {
        FakeTerminal terminal = FakeTerminal.typing("never-asked");

        String code = source(Map.of(CodeSource.VARIABLE, SECRET), terminal).forReceive(null);

        assertThat(code).isEqualTo(SECRET);
        assertThat(terminal.prompts()).isEmpty();
        assertNothingPrinted();
    }

    @Test
    void withoutArgumentOrVariableTheTerminalAsksWithoutEcho() {
        FakeTerminal terminal = FakeTerminal.typing(SECRET);

        String code = source(Map.of(), terminal).forReceive(null);

        assertThat(code).isEqualTo(SECRET);
        // The fake only offers the no-echo read: the question went through it, nothing else showed.
        assertThat(terminal.prompts()).containsExactly("Enter the code: ");
        assertNothingPrinted();
    }

    @Test
    void aBlankVariableCountsAsUnset() {
        FakeTerminal terminal = FakeTerminal.typing(SECRET);

        assertThat(source(Map.of(CodeSource.VARIABLE, "  "), terminal).forReceive(null))
                .isEqualTo(SECRET);
        assertThat(terminal.prompts()).hasSize(1);
    }

    @Test
    void noCodeAnywhereIsAUsageErrorThatSaysWhatToDo() {
        assertThatThrownBy(() -> source(Map.of(), null).forReceive(null))
                .isInstanceOfSatisfying(
                        TransferException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.USAGE))
                .hasMessage("No code was given: set P2P_COPY_CODE or run the command in a terminal to be asked"
                        + " for it.");
    }

    @Test
    void endOfInputAtTheQuestionIsAUsageError() {
        FakeTerminal terminal = FakeTerminal.endOfInput();

        assertThatThrownBy(() -> source(Map.of(), terminal).forReceive(null))
                .isInstanceOfSatisfying(
                        TransferException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.USAGE))
                .hasMessage("No code was entered.");
        assertThat(terminal.prompts()).containsExactly("Enter the code: ");
    }

    @Test
    void theSenderGeneratesACodeUnlessTheEnvironmentChoseOne() {
        assertThat(source(Map.of(), FakeTerminal.typing()).forSend(null)).isNull();
        assertThat(source(Map.of(CodeSource.VARIABLE, SECRET), FakeTerminal.typing())
                        .forSend(null))
                .isEqualTo(SECRET);
        assertNothingPrinted();
    }

    @Test
    void theSendersCodeOptionWinsOverTheEnvironmentButIsWarnedAbout() {
        String code = source(Map.of(CodeSource.VARIABLE, "1-from-env"), FakeTerminal.typing())
                .forSend(SECRET);

        assertThat(code).isEqualTo(SECRET);
        assertThat(err.text()).contains("process list", "give --code without a value to be asked for it.");
        assertThat(out.text()).isEmpty();
    }

    @Test
    void theSendersCodeOptionWithoutAValueReadsTheEnvironmentThenTheTerminal() {
        FakeTerminal terminal = FakeTerminal.typing(SECRET);

        assertThat(source(Map.of(CodeSource.VARIABLE, "1-from-env"), terminal).forSend(""))
                .isEqualTo("1-from-env");
        assertThat(terminal.prompts()).isEmpty();
        assertThat(source(Map.of(), terminal).forSend("")).isEqualTo(SECRET);
        assertThat(terminal.prompts()).containsExactly("Enter the code: ");
        assertThatThrownBy(() -> source(Map.of(), null).forSend(""))
                .isInstanceOfSatisfying(
                        TransferException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.USAGE));
        assertNothingPrinted();
    }

    private void assertNothingPrinted() {
        assertThat(out.text()).isEmpty();
        assertThat(err.text()).isEmpty();
    }

    private CodeSource source(Map<String, String> variables, Terminal terminal) {
        return new CodeSource(TestEnvironment.of("", out, err, variables, terminal));
    }
}
