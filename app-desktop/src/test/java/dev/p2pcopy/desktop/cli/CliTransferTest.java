package dev.p2pcopy.desktop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.LoopbackRelay;
import dev.p2pcopy.desktop.testing.Ports;
import dev.p2pcopy.desktop.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code send} and {@code receive} through a real relay, in this JVM, as a person would run them. */
@Timeout(60)
class CliTransferTest {
    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    private final CliHarness cli = new CliHarness(Ports.free());

    CliTransferTest() throws IOException {}

    @TempDir
    Path tmp;

    @Test
    void sendsAFileThatArrivesWithIdenticalBytes() throws Exception {
        Path file = TestFiles.randomFile(tmp.resolve("photo.bin"), 300_000);
        Path out = Files.createDirectory(tmp.resolve("out"));

        CliHarness.Running send = cli.start("", "send", "--relay", relay.url(), "--chunk-size", "64k", file.toString());
        String code = send.awaitCode();
        CliHarness.Result receive =
                cli.run("", "receive", "--relay", relay.url(), "--yes", "--out", out.toString(), code);
        CliHarness.Result sent = send.finish();

        assertThat(receive.exitCode()).as(receive.err()).isZero();
        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(Files.readAllBytes(out.resolve("photo.bin"))).isEqualTo(Files.readAllBytes(file));
        assertThat(sent.out()).contains("Code: " + code).contains("Sent 1 file (293 KiB) in ");
        assertThat(sent.err()).contains("On the other computer run 'p2p-copy receive' and enter the code.");
        assertThat(receive.out()).contains("Received 1 file (293 KiB) in ").contains(" into " + out);
        assertThat(receive.err()).contains("Receiving 1 file (293 KiB): photo.bin", "Connected.");
    }

    @Test
    void sendsAFolderWithNestedAndEmptyDirectories() throws Exception {
        Path folder = tmp.resolve("album");
        Files.createDirectories(folder.resolve("2024/summer"));
        Files.createDirectories(folder.resolve("empty"));
        TestFiles.randomFile(folder.resolve("2024/summer/beach.jpg"), 150_000);
        Files.writeString(folder.resolve("2024/notes.txt"), "sunny");
        Files.write(folder.resolve("zero.bin"), new byte[0]);
        Path out = Files.createDirectory(tmp.resolve("out"));

        CliHarness.Running send = cli.start(
                "", "send", "--relay", relay.url(), "--code", "42-Album Test", "--compress", "none", folder.toString());
        String code = send.awaitCode();
        CliHarness.Result receive =
                cli.run("", "receive", "--relay", relay.url(), "--yes", "--out", out.toString(), code);
        CliHarness.Result sent = send.finish();

        assertThat(code).isEqualTo("42-album-test");
        assertThat(receive.exitCode()).as(receive.err()).isZero();
        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(sent.out()).contains("Sent 3 files");
        assertSameTree(folder, out.resolve("album"));
    }

    @Test
    void receiverDecliningEndsBothSidesWithExitCode4() throws Exception {
        Path file = Files.writeString(tmp.resolve("secret.txt"), "not for you");
        Path out = Files.createDirectory(tmp.resolve("out"));

        CliHarness.Running send = cli.start("", "send", "--relay", relay.url(), file.toString());
        String code = send.awaitCode();
        CliHarness.Result receive = cli.run("n\n", "receive", "--relay", relay.url(), "--out", out.toString(), code);
        CliHarness.Result sent = send.finish();

        assertThat(receive.exitCode()).as(receive.err()).isEqualTo(ExitCodes.DECLINED);
        assertThat(sent.exitCode()).as(sent.err()).isEqualTo(ExitCodes.DECLINED);
        assertThat(receive.err()).contains("Receive 1 file (11 B): secret.txt? [y/N] n");
        assertThat(receive.err()).contains("p2p-copy: You declined the transfer.");
        assertThat(sent.err()).contains("p2p-copy: The receiver declined.");
        try (Stream<Path> written = Files.list(out)) {
            assertThat(written).isEmpty();
        }
    }

    @Test
    void endOfInputAtThePromptDeclines() throws Exception {
        Path file = Files.writeString(tmp.resolve("a.txt"), "a");
        CliHarness.Running send = cli.start("", "send", "--relay", relay.url(), file.toString());
        String code = send.awaitCode();
        CliHarness.Result receive = cli.run("", "receive", "--relay", relay.url(), "--out", tmp.toString(), code);

        assertThat(receive.exitCode()).isEqualTo(ExitCodes.DECLINED);
        assertThat(send.finish().exitCode()).isEqualTo(ExitCodes.DECLINED);
    }

    @Test
    void aSecondSenderWithTheSameCodeExitsWith9() throws Exception {
        Path file = Files.writeString(tmp.resolve("a.txt"), "first");
        Path out = Files.createDirectory(tmp.resolve("out"));
        CliHarness.Running first =
                cli.start("", "send", "--relay", relay.url(), "--code", "77-same-code", file.toString());
        first.awaitCode();

        CliHarness.Result second = new CliHarness(Ports.free(), Map.of(CodeSource.VARIABLE, "77-same-code"), null)
                .run("", "send", "--relay", relay.url(), file.toString());

        assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCodes.CODE_IN_USE);
        assertThat(second.err()).startsWith("p2p-copy: ");
        // The first sender is unharmed and still delivers.
        CliHarness.Result receive =
                cli.run("y\n", "receive", "--relay", relay.url(), "--out", out.toString(), "77-same-code");
        assertThat(receive.exitCode()).as(receive.err()).isZero();
        assertThat(first.finish().exitCode()).isZero();
        assertThat(out.resolve("a.txt")).hasContent("first");
    }

    @Test
    void interruptingTheCommandCancelsTheTransferWithExit130() throws Exception {
        Path file = Files.writeString(tmp.resolve("a.txt"), "a");
        CliHarness.Running send = cli.start("", "send", "--relay", relay.url(), file.toString());
        send.awaitCode();

        send.thread.interrupt();
        CliHarness.Result sent = send.finish();

        assertThat(sent.exitCode()).isEqualTo(ExitCodes.CANCELLED);
        assertThat(sent.err()).contains("p2p-copy: The transfer was interrupted.");
    }

    @Test
    void withoutARelayTheSenderStartsOneThatTheReceiverFinds() throws Exception {
        CliHarness local = new CliHarness(Ports.free());
        Path file = Files.writeString(tmp.resolve("hello.txt"), "hello");
        Path out = Files.createDirectory(tmp.resolve("out"));

        CliHarness.Running send = local.start("", "send", file.toString());
        String code = send.awaitCode();
        CliHarness.Result receive = local.run("yes\n", "receive", "--out", out.toString(), code);
        CliHarness.Result sent = send.finish();

        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(receive.exitCode()).as(receive.err()).isZero();
        assertThat(sent.err()).contains("Using a relay inside this process on ws://127.0.0.1:");
        assertThat(receive.err()).doesNotContain("Using a relay inside this process");
        assertThat(out.resolve("hello.txt")).hasContent("hello");
    }

    private static void assertSameTree(Path expected, Path actual) throws IOException {
        assertThat(relativePaths(actual)).containsExactlyElementsOf(relativePaths(expected));
        for (Path relative : relativePaths(expected)) {
            Path source = expected.resolve(relative);
            if (Files.isRegularFile(source)) {
                assertThat(Files.readAllBytes(actual.resolve(relative)))
                        .as(relative.toString())
                        .isEqualTo(Files.readAllBytes(source));
            } else {
                assertThat(actual.resolve(relative)).isDirectory();
            }
        }
    }

    private static List<Path> relativePaths(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = new ArrayList<>();
            walk.filter(p -> !p.equals(root)).map(root::relativize).sorted().forEach(paths::add);
            return paths;
        }
    }
}
