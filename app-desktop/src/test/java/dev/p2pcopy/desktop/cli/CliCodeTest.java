package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.LoopbackRelay;
import dev.p2pcopy.desktop.testing.Ports;
import dev.p2pcopy.desktop.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The code kept off the command line, and a wrong code, through a real relay. */
@Timeout(60)
class CliCodeTest {
    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    @TempDir
    Path tmp;

    @Test
    void theReceiverTakesTheCodeFromTheEnvironment() throws Exception {
        Path file = TestFiles.randomFile(tmp.resolve("data.bin"), 200_000);
        Path out = Files.createDirectory(tmp.resolve("out"));
        CliHarness.Running send = harness(Map.of(), null).start("", "send", "--relay", relay.url(), file.toString());
        String code = send.awaitCode();

        CliHarness.Result receive = harness(Map.of(CodeSource.VARIABLE, code), null)
                .run("", "receive", "--relay", relay.url(), "--yes", "--out", out.toString());
        CliHarness.Result sent = send.finish();

        assertThat(receive.exitCode()).as(receive.err()).isZero();
        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(Files.readAllBytes(out.resolve("data.bin"))).isEqualTo(Files.readAllBytes(file));
        assertThat(receive.out() + receive.err()).doesNotContain(code).doesNotContain("Warning");
        assertThat(sent.err()).contains("On the other computer run 'p2p-copy receive' and enter the code.");
    }

    @Test
    void theReceiverAsksOnTheTerminalWithoutEcho() throws Exception {
        Path file = Files.writeString(tmp.resolve("a.txt"), "asked");
        Path out = Files.createDirectory(tmp.resolve("out"));
        CliHarness.Running send = harness(Map.of(), null).start("", "send", "--relay", relay.url(), file.toString());
        String code = send.awaitCode();
        FakeTerminal terminal = FakeTerminal.typing(code.toUpperCase(java.util.Locale.ROOT));

        CliHarness.Result receive = harness(Map.of(), terminal)
                .run("", "receive", "--relay", relay.url(), "--yes", "--out", out.toString());

        assertThat(receive.exitCode()).as(receive.err()).isZero();
        assertThat(send.finish().exitCode()).isZero();
        assertThat(terminal.prompts()).containsExactly(CodeSource.PROMPT);
        assertThat(receive.out() + receive.err()).doesNotContainIgnoringCase(code);
        assertThat(out.resolve("a.txt")).hasContent("asked");
    }

    @Test
    void aCodeArgumentStillWorksWithAWarning() throws Exception {
        Path file = Files.writeString(tmp.resolve("a.txt"), "argument");
        Path out = Files.createDirectory(tmp.resolve("out"));
        CliHarness.Running send = harness(Map.of(), null).start("", "send", "--relay", relay.url(), file.toString());
        String code = send.awaitCode();

        CliHarness.Result receive = harness(Map.of(), null)
                .run("", "receive", "--relay", relay.url(), "--yes", "--out", out.toString(), code);

        assertThat(receive.exitCode()).as(receive.err()).isZero();
        assertThat(send.finish().exitCode()).isZero();
        assertThat(receive.err().lines().findFirst())
                .hasValueSatisfying(line -> assertThat(line)
                        .startsWith("Warning: a code on the command line can be seen by other users")
                        .doesNotContain(code));
        assertThat(out.resolve("a.txt")).hasContent("argument");
    }

    @Test
    void noCodeNoVariableAndNoTerminalIsExit2WithOneSentence() {
        CliHarness.Result receive = harness(Map.of(), null).run("", "receive", "--relay", relay.url());

        assertThat(receive.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(receive.err())
                .isEqualTo("p2p-copy: No code was given: set P2P_COPY_CODE or run the command in a terminal to be"
                        + " asked for it." + System.lineSeparator());
    }

    @Test
    void theSenderUsesACodeChosenInTheEnvironmentAndShowsIt() throws Exception {
        Path file = Files.writeString(tmp.resolve("a.txt"), "chosen");
        Path out = Files.createDirectory(tmp.resolve("out"));
        Map<String, String> chosen = Map.of(CodeSource.VARIABLE, "615-Chosen Words");
        CliHarness.Running send = harness(chosen, null).start("", "send", "--relay", relay.url(), file.toString());

        String code = send.awaitCode();
        CliHarness.Result receive =
                harness(chosen, null).run("", "receive", "--relay", relay.url(), "--yes", "--out", out.toString());
        CliHarness.Result sent = send.finish();

        assertThat(code).isEqualTo("615-chosen-words");
        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(receive.exitCode()).as(receive.err()).isZero();
        assertThat(sent.err()).doesNotContain("Warning");
        assertThat(out.resolve("a.txt")).hasContent("chosen");
    }

    @Test
    void theSendersCodeOptionWithoutAValueAsksOnTheTerminal() throws Exception {
        Path file = Files.writeString(tmp.resolve("a.txt"), "typed");
        Path out = Files.createDirectory(tmp.resolve("out"));
        FakeTerminal terminal = FakeTerminal.typing("616-typed-secret");

        CliHarness.Running send =
                harness(Map.of(), terminal).start("", "send", "--relay", relay.url(), file.toString(), "--code");
        String code = send.awaitCode();
        CliHarness.Result receive = harness(Map.of(CodeSource.VARIABLE, "616-typed-secret"), null)
                .run("", "receive", "--relay", relay.url(), "--yes", "--out", out.toString());

        assertThat(code).isEqualTo("616-typed-secret");
        assertThat(terminal.prompts()).containsExactly(CodeSource.PROMPT);
        assertThat(receive.exitCode()).as(receive.err()).isZero();
        assertThat(send.finish().exitCode()).isZero();
        assertThat(out.resolve("a.txt")).hasContent("typed");
    }

    @Test
    void theSendersCodeOptionWarnsWhenItHasAValue() throws Exception {
        Path file = Files.writeString(tmp.resolve("a.txt"), "a");
        CliHarness.Running send = harness(Map.of(), null)
                .start("", "send", "--relay", relay.url(), "--code", "617-visible", file.toString());
        send.awaitCode();
        CliHarness.Result receive = harness(Map.of(CodeSource.VARIABLE, "617-visible"), null)
                .run("", "receive", "--relay", relay.url(), "--yes", "--out", tmp.toString());

        assertThat(receive.exitCode()).as(receive.err()).isZero();
        CliHarness.Result sent = send.finish();
        assertThat(sent.err()).startsWith("Warning: a code on the command line can be seen by other users");
    }

    @Test
    void aWrongCodeEndsBothSidesWithExit11AndNothingWritten() throws Exception {
        Path file = Files.writeString(tmp.resolve("secret.txt"), "for the right code only");
        Path out = Files.createDirectory(tmp.resolve("out"));
        CliHarness.Running send = harness(Map.of(CodeSource.VARIABLE, "618-right-words"), null)
                .start("", "send", "--relay", relay.url(), file.toString());
        send.awaitCode();

        CliHarness.Result receive = harness(Map.of(CodeSource.VARIABLE, "618-wrong-words"), null)
                .run("", "receive", "--relay", relay.url(), "--yes", "--out", out.toString());
        CliHarness.Result sent = send.finish();

        String sentence = "p2p-copy: The code does not match: both sides must use exactly the same code."
                + " Nothing was transferred." + System.lineSeparator();
        assertThat(receive.exitCode()).isEqualTo(ExitCodes.WRONG_CODE);
        assertThat(sent.exitCode()).isEqualTo(ExitCodes.WRONG_CODE);
        assertThat(receive.err())
                .endsWith(sentence)
                .doesNotContain("wrong-words")
                .doesNotContain("\tat ");
        assertThat(sent.err()).endsWith(sentence).doesNotContain("\tat ");
        try (Stream<Path> written = Files.list(out)) {
            assertThat(written).isEmpty();
        }
    }

    private static CliHarness harness(Map<String, String> variables, Terminal terminal) {
        try {
            return new CliHarness(Ports.free(), variables, terminal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
