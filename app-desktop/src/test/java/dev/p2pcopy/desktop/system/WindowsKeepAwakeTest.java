package dev.p2pcopy.desktop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Windows variant, with the one Windows call replaced by a recorder (it cannot run here):
 * which flags are set, and that setting and resetting happen on one thread that lives as long as
 * the hold.
 */
@Timeout(30)
class WindowsKeepAwakeTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private record Call(int flags, Thread thread) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Test
    void aHoldSetsTheStateOnItsOwnThreadAndResetsItThereWhenClosed() throws Exception {
        KeepAwake keepAwake = new WindowsKeepAwake(flags -> {
            calls.add(new Call(flags, Thread.currentThread()));
            return WindowsKeepAwake.RESET;
        });
        KeepAwake.Hold hold = keepAwake.hold("p2p-copy is transferring files");
        Await.until(() -> calls.size() == 1, WAIT, "the state set");
        Call set = calls.get(0);
        assertThat(set.flags()).isEqualTo(0x80000000 | 0x1);
        assertThat(set.thread()).isNotSameAs(Thread.currentThread());
        assertThat(set.thread().getName()).isEqualTo("p2p-copy-keep-awake");
        assertThat(set.thread().isAlive())
                .as("the thread keeps the state while held")
                .isTrue();

        hold.close();
        Await.until(() -> calls.size() == 2, WAIT, "the state reset");
        assertThat(calls.get(1).flags()).isEqualTo(0x80000000);
        assertThat(calls.get(1).thread()).isSameAs(set.thread());
        set.thread().join(WAIT.toMillis());
        assertThat(set.thread().isAlive()).isFalse();
        hold.close();
        assertThat(calls).hasSize(2);
    }

    @Test
    void aRefusedCallIsLoggedOnceAndHoldsNothing() throws Exception {
        try (LogRecorder log = LogRecorder.of(WindowsKeepAwake.class)) {
            KeepAwake keepAwake = new WindowsKeepAwake(flags -> {
                calls.add(new Call(flags, Thread.currentThread()));
                return 0;
            });
            keepAwake.hold("a").close();
            keepAwake.hold("b").close();
            Await.until(() -> calls.size() == 2, WAIT, "both attempts");
            Await.until(() -> !log.messages.isEmpty(), WAIT, "the warning");
            assertThat(calls).extracting(Call::flags).containsOnly(WindowsKeepAwake.AWAKE);
            assertThat(log.messages).singleElement().asString().contains("SetThreadExecutionState failed");
        }
    }

    @Test
    void aMissingNativeLibraryIsLoggedNotThrown() throws Exception {
        try (LogRecorder log = LogRecorder.of(WindowsKeepAwake.class)) {
            KeepAwake keepAwake = new WindowsKeepAwake(flags -> {
                throw new UnsatisfiedLinkError("no kernel32 here");
            });
            keepAwake.hold("a").close();
            Await.until(() -> !log.messages.isEmpty(), WAIT, "the warning");
            assertThat(log.messages).singleElement().asString().contains("no kernel32 here");
        }
    }
}
