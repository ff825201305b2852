package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.Ports;
import dev.p2pcopy.protocol.ReceiveOptions;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.relay.RelayConfig;
import dev.p2pcopy.relay.RelayServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --encrypt}, {@code --follow-symlinks} and {@code --trust-cert}: what reaches the engine, and errors. */
@Timeout(60)
class CliSecurityOptionsTest {
    private static final URI RELAY = URI.create("ws://127.0.0.1:1");

    @TempDir
    Path tmp;

    private Path file;
    private Path certificate;

    @BeforeEach
    void setUp() throws IOException {
        file = Files.writeString(tmp.resolve("a.txt"), "a");
        certificate = Files.writeString(tmp.resolve("relay.pem"), "-----BEGIN CERTIFICATE-----\n");
    }

    @Test
    void byDefaultDataIsEncryptedLinksAreSkippedAndOnlyTheSystemIsTrusted() {
        SendOptions send = sendOptions(Map.of(), file.toString());
        ReceiveOptions receive = receiveOptions(Map.of());

        assertThat(send.encrypt()).isTrue();
        assertThat(send.followSymlinks()).isFalse();
        assertThat(send.trustedCertificate()).isEmpty();
        assertThat(receive.trustedCertificate()).isEmpty();
    }

    @Test
    void theFlagsReachTheEngine() {
        SendOptions send = sendOptions(
                Map.of(),
                "--encrypt",
                "OFF",
                "--follow-symlinks",
                "--trust-cert",
                certificate.toString(),
                file.toString());
        ReceiveOptions receive = receiveOptions(Map.of(), "--trust-cert", certificate.toString());

        assertThat(send.encrypt()).isFalse();
        assertThat(send.followSymlinks()).isTrue();
        assertThat(send.trustedCertificate()).contains(certificate);
        assertThat(receive.trustedCertificate()).contains(certificate);
        assertThat(sendOptions(Map.of(), "--encrypt", "on", file.toString()).encrypt())
                .isTrue();
    }

    @Test
    void theCertificateComesFromTheEnvironmentUnlessTheFlagNamesOne() throws IOException {
        Path other = Files.writeString(tmp.resolve("other.pem"), "x");
        Map<String, String> variables = Map.of(CommonOptions.TRUST_CERT_VARIABLE, certificate.toString());

        assertThat(receiveOptions(variables).trustedCertificate()).contains(certificate);
        assertThat(sendOptions(variables, file.toString()).trustedCertificate()).contains(certificate);
        assertThat(receiveOptions(variables, "--trust-cert", other.toString()).trustedCertificate())
                .contains(other);
    }

    @Test
    void aMissingCertificateIsExit2WithOneSentence() throws IOException {
        CliHarness cli = new CliHarness(Ports.free());
        Path missing = tmp.resolve("missing.pem");

        CliHarness.Result send = cli.run("", "send", "--trust-cert", missing.toString(), file.toString());
        CliHarness.Result receive = cli.run("", "receive", "--trust-cert", tmp.toString(), "1-some-code");

        assertThat(send.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(send.err())
                .isEqualTo("p2p-copy: The certificate file " + missing + " (--trust-cert) does not exist or cannot be"
                        + " read." + System.lineSeparator());
        assertThat(receive.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(receive.err())
                .endsWith("p2p-copy: The certificate file " + tmp + " (--trust-cert) does not exist or cannot be read."
                        + System.lineSeparator());
    }

    @Test
    void aMissingCertificateInTheEnvironmentIsExit2NamingTheVariable() throws IOException {
        Path missing = tmp.resolve("missing.pem");
        CliHarness cli =
                new CliHarness(Ports.free(), Map.of(CommonOptions.TRUST_CERT_VARIABLE, missing.toString()), null);

        CliHarness.Result receive = cli.run("", "receive", "1-some-code");

        assertThat(receive.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(receive.err()).contains("(P2P_COPY_TRUST_CERT) does not exist or cannot be read.");
    }

    @Test
    void aWrongEncryptValueIsAUsageError() throws IOException {
        CliHarness.Result send = new CliHarness(Ports.free()).run("", "send", "--encrypt", "maybe", file.toString());

        assertThat(send.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(send.err())
                .startsWith("p2p-copy: Invalid value for option '--encrypt': expected one of [ON, OFF]")
                .contains("but was 'maybe'");
    }

    @Test
    void withEncryptionOffTheSenderSaysSoAndTheFileStillArrives() throws Exception {
        try (RelayServer relay = RelayServer.start(
                RelayConfig.builder().host("127.0.0.1").port(0).build())) {
            String url = relay.uri().toString();
            CliHarness cli = new CliHarness(Ports.free());
            Path out = Files.createDirectory(tmp.resolve("out"));

            CliHarness.Running send = cli.start("", "send", "--relay", url, "--encrypt", "off", file.toString());
            String code = send.awaitCode();
            CliHarness.Result receive = new CliHarness(Ports.free(), Map.of(CodeSource.VARIABLE, code), null)
                    .run("", "receive", "--relay", url, "--yes", "--out", out.toString());
            CliHarness.Result sent = send.finish();

            assertThat(sent.exitCode()).as(sent.err()).isZero();
            assertThat(receive.exitCode()).as(receive.err()).isZero();
            assertThat(sent.err().lines().findFirst())
                    .contains("Encryption is off: file data crosses the relay unencrypted"
                            + " (its integrity is still verified).");
            assertThat(out.resolve("a.txt")).hasContent("a");
        }
    }

    private SendOptions sendOptions(Map<String, String> variables, String... args) {
        CliEnvironment env = environment(variables);
        CommandLine send = parse(env, "send", args);
        SendCommand command = send.getCommand();
        return command.options(RELAY, null, common(send).trustedCertificate(env));
    }

    private ReceiveOptions receiveOptions(Map<String, String> variables, String... args) {
        CliEnvironment env = environment(variables);
        CommandLine receive = parse(env, "receive", args);
        ReceiveCommand command = receive.getCommand();
        return command.options(RELAY, tmp, common(receive).trustedCertificate(env));
    }

    /** The subcommand as picocli filled it from {@code args}, without running it. */
    private static CommandLine parse(CliEnvironment env, String command, String... args) {
        CommandLine top = Main.commandLine(env);
        top.parseArgs(concat(command, args));
        return top.getSubcommands().get(command);
    }

    private static CommonOptions common(CommandLine command) {
        return (CommonOptions) command.getMixins().get("common");
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static CliEnvironment environment(Map<String, String> variables) {
        return TestEnvironment.of("", new WatchedStream(), new WatchedStream(), variables, null);
    }
}
