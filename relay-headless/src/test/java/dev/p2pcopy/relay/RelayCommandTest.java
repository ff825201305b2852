package dev.p2pcopy.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Timeout(30)
class RelayCommandTest {

    @Test
    void readsEveryFlag() {
        RelayCommand command = new RelayCommand();
        new CommandLine(command)
                .parseArgs(
                        "--port", "0",
                        "--host", "127.0.0.1",
                        "--wait-timeout", "90s",
                        "--grace-period", "5m",
                        "--idle-timeout", "1h",
                        "--ping-interval", "500ms",
                        "--max-frame-bytes", "1024",
                        "--max-rooms", "7");
        RelayConfig config = command.config();
        assertThat(config.port()).isZero();
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.waitTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.gracePeriod()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.idleTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(config.pingInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.maxFrameBytes()).isEqualTo(1024);
        assertThat(config.maxRooms()).isEqualTo(7);
    }

    @Test
    void readsEveryLimitFlag() {
        RelayCommand command = new RelayCommand();
        new CommandLine(command)
                .parseArgs(
                        "--max-connections-per-ip",
                        "3",
                        "--connection-burst-per-ip",
                        "4",
                        "--connections-per-minute-per-ip",
                        "5",
                        "--joins-per-room-per-minute",
                        "6",
                        "--max-pending-handshakes",
                        "7",
                        "--handshake-timeout",
                        "3s",
                        "--trust-proxy",
                        "--audit-log",
                        "audit.log");
        RelayConfig config = command.config();
        assertThat(config.maxConnectionsPerIp()).isEqualTo(3);
        assertThat(config.connectionBurstPerIp()).isEqualTo(4);
        assertThat(config.connectionsPerMinutePerIp()).isEqualTo(5);
        assertThat(config.joinsPerRoomPerMinute()).isEqualTo(6);
        assertThat(config.maxPendingHandshakes()).isEqualTo(7);
        assertThat(config.handshakeTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.trustProxy()).isTrue();
        assertThat(config.auditLog()).contains(Path.of("audit.log"));
    }

    @Test
    void itsDefaultsAreTheConfigDefaults() {
        RelayCommand command = new RelayCommand();
        new CommandLine(command).parseArgs();
        assertThat(command.config().toString())
                .isEqualTo(RelayConfig.builder().build().toString());
    }

    @Test
    void printsWhereItListensAndStopsWhenInterrupted() throws Exception {
        CommandLine commandLine = new CommandLine(new RelayCommand());
        FirstLine firstLine = new FirstLine();
        commandLine.setOut(new PrintWriter(firstLine));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread running = new Thread(() -> exit.complete(commandLine.execute("--port", "0", "--host", "127.0.0.1")));
        running.start();

        String line = firstLine.line.get(10, TimeUnit.SECONDS);
        assertThat(line).matches("p2p-copy relay listening on ws://127\\.0\\.0\\.1:\\d+");
        URI relay = URI.create(line.substring(line.indexOf("ws://")));
        TestPeer peer = TestPeer.connect(RelayFixture.CLIENT, relay, Rooms.newId(), RelayContract.ROLE_SEND);
        assertThat(peer.nextText()).isEqualTo(RelayContract.NOTICE_WAITING);

        running.interrupt();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(peer.awaitClosing().code()).isEqualTo(RelayContract.CLOSE_GOING_AWAY);
    }

    @Test
    void reportsAPortInUseInOneSentenceWithExitCode2AsASubcommand() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            CommandLine cli = new CommandLine(new Parent()).addSubcommand(new RelayCommand());
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err));

            int exit = cli.execute("relay", "--host", "127.0.0.1", "--port", String.valueOf(port));

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString())
                    .isEqualTo("The relay could not start: port " + port + " is already in use on 127.0.0.1; stop the"
                            + " program using it or choose another port." + System.lineSeparator());
        }
    }

    @Test
    void refusesABadDurationWithExitCode2() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RelayCommand());
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("--wait-timeout", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration; use a whole number and a unit");
    }

    @Test
    void refusesAnOutOfRangeSettingWithExitCode2() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RelayCommand());
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("--max-rooms", "0")).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("The maximum number of rooms must be positive, not 0." + System.lineSeparator());
    }

    @Test
    void documentsEveryFlag() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new RelayCommand());
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString())
                .contains("--port", "--host", "--wait-timeout", "--grace-period", "--idle-timeout")
                .contains(
                        "--ping-interval",
                        "--max-frame-bytes",
                        "--max-rooms",
                        "10m)",
                        "60s)",
                        "45s)",
                        "15s)",
                        "16842752");
    }

    @Command(name = "p2p-copy")
    static final class Parent implements Runnable {
        @Override
        public void run() {}
    }

    /** Completes with the first line written to it. */
    private static final class FirstLine extends Writer {
        final CompletableFuture<String> line = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
            int end = text.indexOf(System.lineSeparator());
            if (end >= 0) {
                line.complete(text.substring(0, end));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
