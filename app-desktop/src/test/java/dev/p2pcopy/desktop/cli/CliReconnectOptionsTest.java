package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.ReconnectPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --reconnect-for} as it reaches the engine, and what the help says about resuming. */
class CliReconnectOptionsTest {
    private static final URI RELAY = URI.create("ws://127.0.0.1:1");
    private static final CliEnvironment ENV = TestEnvironment.of("", new WatchedStream());

    @Test
    void byDefaultBothSidesKeepTryingForTwoMinutes() {
        assertThat(sendPolicy()).isEqualTo(ReconnectPolicy.DEFAULT);
        assertThat(receivePolicy()).isEqualTo(ReconnectPolicy.DEFAULT);
    }

    @Test
    void theDurationReachesTheEngineAndZeroTurnsReconnectingOff() {
        assertThat(sendPolicy("--reconnect-for", "90s").giveUpAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(receivePolicy("--reconnect-for", "1h").giveUpAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(sendPolicy("--reconnect-for", "0").enabled()).isFalse();
        assertThat(receivePolicy("--reconnect-for=0").enabled()).isFalse();
    }

    @Test
    void theHelpSaysTheDefaultsAndThatAnInterruptedTransferIsResumed() {
        CliHarness.Result send = new CliHarness(1).run("", "send", "--help");
        CliHarness.Result receive = new CliHarness(1).run("", "receive", "--help");

        for (CliHarness.Result help : new CliHarness.Result[] {send, receive}) {
            assertThat(oneLine(help.out()))
                    .contains("--reconnect-for=DURATION")
                    .contains("0 turns reconnecting off (default: 2m)")
                    .contains("running the same command again resumes");
        }
        assertThat(oneLine(receive.out()))
                .contains("rename (keep both, the new one as 'a (1).txt')")
                .contains("(default: rename)")
                .contains("interrupted into the same folder is resumed, not renamed");
    }

    private static ReconnectPolicy sendPolicy(String... args) {
        CommandLine send = parse("send", Stream.concat(Stream.of(args), Stream.of("a.txt")));
        return ((SendCommand) send.getCommand()).options(RELAY, null, null).reconnect();
    }

    private static ReconnectPolicy receivePolicy(String... args) {
        CommandLine receive = parse("receive", Stream.of(args));
        return ((ReceiveCommand) receive.getCommand())
                .options(RELAY, Path.of("out"), null)
                .reconnect();
    }

    /** The subcommand as picocli filled it from {@code args}, without running it. */
    private static CommandLine parse(String command, Stream<String> args) {
        CommandLine top = Main.commandLine(ENV);
        top.parseArgs(Stream.concat(Stream.of(command), args).toArray(String[]::new));
        return top.getSubcommands().get(command);
    }

    /** Help text with its line breaks and indentation folded into single spaces. */
    private static String oneLine(String help) {
        return help.replaceAll("\\s+", " ");
    }
}
