package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.relay.DefaultRelay;
import dev.p2pcopy.desktop.testing.Ports;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Help, version and the bare command. */
class CliHelpTest {
    private final CliHarness cli = new CliHarness(Ports.free());

    CliHelpTest() throws IOException {}

    @Test
    void versionNamesTheProjectVersion() {
        CliHarness.Result result = cli.run("", "--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("p2p-copy \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    }

    @Test
    void noArgumentsPrintsHelpAndSucceeds() {
        CliHarness.Result result = cli.run("");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: p2p-copy", "send", "receive", "relay");
    }

    @Test
    void helpListsEveryExitCode() {
        for (String[] args : new String[][] {{"--help"}, {"send", "--help"}, {"receive", "--help"}}) {
            CliHarness.Result result = cli.run("", args);

            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("Exit codes:");
            for (Map.Entry<String, String> code : ExitCodes.descriptions().entrySet()) {
                assertThat(result.out())
                        .containsPattern("(?m)^\\s+" + code.getKey() + "\\s+" + Pattern.quote(code.getValue()) + "$");
            }
        }
    }

    @Test
    void everyOptionOfEveryCommandHasADescription() {
        CommandLine top = Main.commandLine(new CliEnvironment(
                System.in, System.out, System.err, false, DefaultRelay.standard(), name -> null, null));
        for (CommandLine command : top.getSubcommands().values()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                assertThat(String.join("", option.description()))
                        .as(command.getCommandName() + " " + option.longestName())
                        .isNotBlank();
            }
        }
    }

    @Test
    void relayIsASubcommand() {
        CliHarness.Result result = cli.run("", "relay", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: p2p-copy relay", "--port");
    }
}
