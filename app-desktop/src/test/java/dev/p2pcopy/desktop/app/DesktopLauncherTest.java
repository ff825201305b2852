package dev.p2pcopy.desktop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class DesktopLauncherTest {
    @Test
    @DisabledOnOs({OS.WINDOWS, OS.MAC})
    void withoutADisplayItPointsToTheCommandLineInsteadOfCrashing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DesktopLauncher.launch(new PrintStream(err, true, StandardCharsets.UTF_8), name -> null);
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("no graphical display")
                .contains("p2p-copy send")
                .doesNotContain("Exception");
    }
}
