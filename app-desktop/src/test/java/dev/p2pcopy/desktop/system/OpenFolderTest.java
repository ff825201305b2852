package dev.p2pcopy.desktop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a folder: the desktop integration first, else the platform's command, run for real
 * with harmless stand-ins ({@code true}, {@code false}) so that no file manager opens.
 */
@Timeout(30)
class OpenFolderTest {
    @TempDir
    Path folder;

    private final List<List<String>> commands = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    @Test
    void theDesktopIntegrationComesFirstAndRunsOffTheCallersThread() throws Exception {
        OpenFolder open = new OpenFolder(
                f -> {
                    threads.add(Thread.currentThread().getName());
                    return true;
                },
                "Linux",
                standIn("false"));
        open.open(folder).get(10, TimeUnit.SECONDS);
        assertThat(threads).containsExactly("p2p-copy-open-folder");
        assertThat(commands).isEmpty();
    }

    @Test
    void withoutItLinuxRunsXdgOpen() throws Exception {
        new OpenFolder(f -> false, "Linux", standIn("true")).open(folder).get(10, TimeUnit.SECONDS);
        assertThat(commands).containsExactly(List.of("xdg-open", folder.toString()));
    }

    @Test
    void aDesktopIntegrationThatFailsFallsBackToTheCommand() throws Exception {
        OpenFolder open = new OpenFolder(
                f -> {
                    throw new IOException("no application for folders");
                },
                "Linux",
                standIn("true"));
        open.open(folder).get(10, TimeUnit.SECONDS);
        assertThat(commands).hasSize(1);
    }

    @Test
    void macOsAndWindowsHaveTheirOwnCommands() {
        assertThat(new OpenFolder(f -> false, "Mac OS X", standIn("true")).command(folder))
                .containsExactly("open", folder.toString());
        assertThat(new OpenFolder(f -> false, "Windows 10", standIn("true")).command(folder))
                .containsExactly("explorer", folder.toString());
    }

    @Test
    void aMissingFileManagerIsOneSentence() {
        OpenFolder open = new OpenFolder(f -> false, "Linux", standIn("p2p-copy-test-no-such-program"));
        assertThatThrownBy(() -> open.open(folder).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .hasMessage("Could not open " + folder + ": no file manager was found (xdg-open is missing).");
    }

    @Test
    void aFileManagerThatFailsIsOneSentence() {
        OpenFolder open = new OpenFolder(f -> false, "Linux", standIn("false"));
        assertThatThrownBy(() -> open.open(folder).get(10, TimeUnit.SECONDS))
                .cause()
                .hasMessage("Could not open " + folder + ": xdg-open reported error 1.");
    }

    @Test
    void explorersExitCodeMeansNothing() throws Exception {
        new OpenFolder(f -> false, "Windows 11", standIn("false")).open(folder).get(10, TimeUnit.SECONDS);
        assertThat(commands).containsExactly(List.of("explorer", folder.toString()));
    }

    @Test
    void aFolderThatIsGoneIsSaidSo() throws IOException {
        Path gone = folder.resolve("gone");
        OpenFolder open = new OpenFolder(f -> true, "Linux", standIn("true"));
        assertThatThrownBy(() -> open.open(gone).get(10, TimeUnit.SECONDS))
                .cause()
                .hasMessage("The folder " + gone + " does not exist any more.");
        assertThat(Files.exists(gone)).isFalse();
    }

    @Test
    void theSystemOpenerCanBeBuiltHere() {
        // Headless here: AWT's desktop reports no support, so nothing opens.
        assertThat(new OpenFolder()).isNotNull();
    }

    private Launcher standIn(String program) {
        return command -> {
            commands.add(command);
            return new ProcessBuilder(program).start();
        };
    }
}
