package dev.p2pcopy.desktop.system;

import java.util.Locale;

/** Picks the operating system's own way of keeping the computer awake. */
public final class KeepAwakes {
    private KeepAwakes() {}

    /**
     * The mechanism of this operating system: {@code systemd-inhibit} on Linux (and other Unix),
     * {@code caffeinate} on macOS, {@code SetThreadExecutionState} on Windows. Where it is
     * missing, holds do nothing and the log says so once.
     */
    public static KeepAwake forThisSystem() {
        return forSystem(System.getProperty("os.name", ""), Launcher.SYSTEM);
    }

    /** The mechanism for the system named {@code osName}, starting programs through {@code launcher}. */
    static KeepAwake forSystem(String osName, Launcher launcher) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return ProcessKeepAwake.macOs(launcher, ProcessHandle.current().pid());
        }
        if (os.startsWith("windows")) {
            return new WindowsKeepAwake(WindowsKeepAwake.ExecutionState.KERNEL32);
        }
        return ProcessKeepAwake.linux(launcher);
    }
}
