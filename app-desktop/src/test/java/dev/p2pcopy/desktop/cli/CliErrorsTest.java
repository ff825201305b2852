package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.Ports;
import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person sees when something is wrong: one sentence, the documented exit code. */
@Timeout(30)
class CliErrorsTest {
    @TempDir
    Path tmp;

    private CliHarness cli;
    private int port;
    private String closedRelay;
    private Path file;

    @BeforeEach
    void setUp() throws IOException {
        port = Ports.free();
        cli = new CliHarness(port);
        closedRelay = "ws://127.0.0.1:" + port;
        file = Files.writeString(tmp.resolve("a.txt"), "a");
    }

    @Test
    void anUnreachableRelayIsExit3WithOneSentenceAndNoStackTrace() {
        CliHarness.Result send = cli.run("", "send", "--relay", closedRelay, file.toString());
        CliHarness.Result receive = new CliHarness(port, Map.of(CodeSource.VARIABLE, "1-some-code"), null)
                .run("", "receive", "--relay", closedRelay);

        for (CliHarness.Result result : new CliHarness.Result[] {send, receive}) {
            assertThat(result.exitCode()).isEqualTo(ExitCodes.RELAY_UNREACHABLE);
            assertThat(result.out()).doesNotContain("Code:");
            assertThat(result.err().lines()).hasSize(1);
            assertThat(result.err())
                    .startsWith("p2p-copy: ")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void debugAddsTheStackTrace() {
        CliHarness.Result send = cli.run("", "send", "--debug", "--relay", closedRelay, file.toString());

        assertThat(send.exitCode()).isEqualTo(ExitCodes.RELAY_UNREACHABLE);
        assertThat(send.err())
                .startsWith("p2p-copy: ")
                .contains("TransferException")
                .contains("\tat ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1k", "63k", "17m", "16777217", "abc", "1g", "-64k", ""})
    void aChunkSizeOutOfRangeOrUnreadableIsAUsageError(String size) {
        CliHarness.Result send = cli.run("", "send", "--relay", closedRelay, "--chunk-size", size, file.toString());

        assertThat(send.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(send.err()).startsWith("p2p-copy: Invalid value for option '--chunk-size'");
        assertThat(send.err()).contains("Run 'p2p-copy send --help' to see the options.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "90", "-1m", "1.5m", "2 min", ""})
    void anUnreadableReconnectDurationIsAUsageErrorInOneSentence(String value) {
        CliHarness withCode = new CliHarness(port, Map.of(CodeSource.VARIABLE, "1-some-code"), null);
        for (String command : new String[] {"send", "receive"}) {
            CliHarness.Result result = command.equals("send")
                    ? withCode.run("", "send", "--relay", closedRelay, "--reconnect-for", value, file.toString())
                    : withCode.run("", "receive", "--relay", closedRelay, "--reconnect-for", value);

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err().lines().findFirst())
                    .hasValue("p2p-copy: Invalid value for option '--reconnect-for': '" + value
                            + "' is not a duration; give 0 or a whole number with s, m or h, e.g. 90s, 2m, 1h.");
            assertThat(result.err()).contains("Run 'p2p-copy " + command + " --help' to see the options.");
        }
    }

    @Test
    void wrongFlagsAndValuesAreUsageErrors() {
        assertThat(cli.run("", "send", "--no-such-flag", file.toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("", "send").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("", "send", "--compress", "lzma", file.toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("", "receive", "--on-conflict", "merge", "1-code").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("", "receive").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("", "fetch").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aRelayAddressThatIsNotWebSocketIsAUsageError() {
        CliHarness.Result send = cli.run("", "send", "--relay", "http://127.0.0.1:1", file.toString());

        assertThat(send.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(send.err())
                .isEqualTo("p2p-copy: The relay address must be a relay address like ws://HOST:PORT or wss://HOST,"
                        + " not 'http://127.0.0.1:1'." + System.lineSeparator());
    }

    @Test
    void aMissingFileIsExit8() throws IOException {
        try (RelayServer relay = RelayServer.start(
                RelayConfig.builder().host("127.0.0.1").port(0).build())) {
            Path missing = tmp.resolve("no-such-file.txt");
            CliHarness.Result send = cli.run("", "send", "--relay", relay.uri().toString(), missing.toString());

            assertThat(send.exitCode()).isEqualTo(ExitCodes.LOCAL_IO);
            assertThat(send.err())
                    .startsWith("p2p-copy: ")
                    .contains("no-such-file.txt")
                    .doesNotContain("\tat ");
            assertThat(send.out()).doesNotContain("Code:");
        }
    }
}
