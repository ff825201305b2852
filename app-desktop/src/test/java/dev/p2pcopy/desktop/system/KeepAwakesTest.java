package dev.p2pcopy.desktop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.Await;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Keeping the computer awake through a helper program: the real one of this system where it can
 * run, and harmless real programs ({@code cat}, {@code sleep}, {@code sh}) standing in for it
 * through the launcher to check how a hold starts and ends them.
 */
@Timeout(30)
class KeepAwakesTest {
    private static final String WHY = "p2p-copy is transferring files";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<List<String>> commands = new CopyOnWriteArrayList<>();
    private final List<Process> started = new CopyOnWriteArrayList<>();

    @Test
    void onLinuxItInhibitsIdleAndSleepWhileCatReadsItsPipe() {
        ProcessKeepAwake linux = (ProcessKeepAwake) KeepAwakes.forSystem("Linux", Launcher.SYSTEM);
        assertThat(linux.command(WHY))
                .containsExactly(
                        "systemd-inhibit",
                        "--what=idle:sleep",
                        "--who=p2p-copy",
                        "--why=" + WHY,
                        "--mode=block",
                        "cat");
    }

    @Test
    void onMacOsCaffeinateWatchesThisProcess() {
        ProcessKeepAwake mac = (ProcessKeepAwake) KeepAwakes.forSystem("Mac OS X", Launcher.SYSTEM);
        assertThat(mac.command(WHY))
                .containsExactly(
                        "caffeinate",
                        "-i",
                        "-w",
                        Long.toString(ProcessHandle.current().pid()));
    }

    @Test
    void onWindowsItUsesTheThreadExecutionState() {
        assertThat(KeepAwakes.forSystem("Windows 11", Launcher.SYSTEM)).isInstanceOf(WindowsKeepAwake.class);
    }

    @Test
    void aHoldRunsTheProgramUntilItIsClosed() throws Exception {
        KeepAwake keepAwake = KeepAwakes.forSystem("Linux", standIn("cat"));
        KeepAwake.Hold hold = keepAwake.hold(WHY);
        assertThat(commands).singleElement().satisfies(c -> assertThat(c.get(0)).isEqualTo("systemd-inhibit"));
        Process process = started.get(0);
        assertThat(process.isAlive()).isTrue();

        hold.close();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("cat ended").isTrue();
        hold.close(); // twice is harmless
    }

    @Test
    void closingKillsAProgramThatDoesNotReadItsInput() throws Exception {
        KeepAwake.Hold hold =
                KeepAwakes.forSystem("Linux", standIn("sleep", "60")).hold(WHY);
        Process process = started.get(0);
        assertThat(process.isAlive()).isTrue();
        hold.close();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("sleep ended").isTrue();
    }

    @Test
    void aMissingProgramHoldsNothingAndIsLoggedOnce() {
        try (LogRecorder log = LogRecorder.of(ProcessKeepAwake.class)) {
            KeepAwake keepAwake = KeepAwakes.forSystem("Linux", standIn("p2p-copy-test-no-such-program"));
            keepAwake.hold(WHY).close();
            keepAwake.hold(WHY).close();
            assertThat(started).isEmpty();
            assertThat(log.messages)
                    .singleElement()
                    .asString()
                    .startsWith("Cannot keep the computer awake during transfers through systemd-inhibit:")
                    .contains("could not be started");
        }
    }

    @Test
    void aProgramThatQuitsAtOnceIsLoggedWithItsErrorOnce() throws Exception {
        try (LogRecorder log = LogRecorder.of(ProcessKeepAwake.class)) {
            KeepAwake keepAwake = KeepAwakes.forSystem(
                    "Linux", standIn("sh", "-c", "echo 'Failed to connect to bus: No such file' >&2; exit 1"));
            KeepAwake.Hold first = keepAwake.hold(WHY);
            assertThat(started.get(0).waitFor(10, TimeUnit.SECONDS)).isTrue();
            KeepAwake.Hold second = keepAwake.hold(WHY);
            assertThat(started.get(1).waitFor(10, TimeUnit.SECONDS)).isTrue();
            Await.until(() -> !log.messages.isEmpty(), WAIT, "the warning");
            first.close();
            second.close();
            assertThat(log.messages)
                    .singleElement()
                    .asString()
                    .contains("exit code 1 (Failed to connect to bus: No such file)");
        }
    }

    @Test
    void aHoldClosedBeforeItsProgramEndsIsNotAProblem() throws Exception {
        try (LogRecorder log = LogRecorder.of(ProcessKeepAwake.class)) {
            KeepAwake.Hold hold = KeepAwakes.forSystem("Linux", standIn("cat")).hold(WHY);
            hold.close();
            started.get(0).onExit().get(10, TimeUnit.SECONDS);
            assertThat(log.messages).isEmpty();
        }
    }

    /**
     * The real mechanism of this Linux machine. Where systemd-inhibit works it runs until the
     * hold is closed; where it is missing or has no system bus (containers) the log says so. Either
     * way nothing fails and nothing is left running.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void theRealMechanismHereNeverFailsAndLeavesNothingRunning() throws Exception {
        try (LogRecorder log = LogRecorder.of(ProcessKeepAwake.class)) {
            KeepAwake.Hold hold = KeepAwakes.forThisSystem().hold(WHY);
            Await.until(() -> inhibitorRuns() || !log.messages.isEmpty(), WAIT, "an inhibitor or a warning");
            hold.close();
            Await.until(() -> !inhibitorRuns(), WAIT, "no systemd-inhibit left running");
        }
    }

    private static boolean inhibitorRuns() {
        return ProcessHandle.current()
                .descendants()
                .anyMatch(p -> p.info().command().orElse("").endsWith("systemd-inhibit"));
    }

    /** A launcher that records the command it is given and runs {@code instead}. */
    private Launcher standIn(String... instead) {
        return command -> {
            commands.add(command);
            Process process = new ProcessBuilder(instead)
                    .redirectOutput(Redirect.DISCARD)
                    .redirectError(Redirect.PIPE)
                    .start();
            started.add(process);
            return process;
        };
    }

    @Test
    void aLauncherFailureOfAnyKindIsNotThrown() {
        KeepAwake keepAwake = new ProcessKeepAwake("tool", reason -> List.of("tool"), command -> {
            throw new IOException("denied");
        });
        keepAwake.hold(WHY).close();
    }
}
