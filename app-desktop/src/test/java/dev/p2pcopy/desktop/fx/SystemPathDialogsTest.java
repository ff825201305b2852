package dev.p2pcopy.desktop.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system's dialogs only ever open in a folder that exists: a gone one throws on some platforms. */
class SystemPathDialogsTest {
    @TempDir
    Path tmp;

    @Test
    void anExistingFolderIsWhereTheDialogOpens() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("photos"));

        assertThat(SystemPathDialogs.startFolder(folder)).contains(folder.toFile());
    }

    @Test
    void aFileOpensTheDialogInItsFolder() throws IOException {
        Path file = Files.writeString(tmp.resolve("relay.pem"), "certificate");

        assertThat(SystemPathDialogs.startFolder(file)).contains(tmp.toFile());
    }

    @Test
    void aDeletedFolderGivesItsNearestExistingAncestor() throws IOException {
        Path deep = Files.createDirectories(tmp.resolve("a").resolve("b").resolve("c"));
        Files.delete(deep);
        Files.delete(deep.getParent());

        assertThat(SystemPathDialogs.startFolder(deep))
                .contains(tmp.resolve("a").toFile());
        assertThat(SystemPathDialogs.startFolder(tmp.resolve("gone").resolve("file.txt")))
                .contains(tmp.toFile());
    }

    @Test
    void withoutAnExistingFolderTheSystemChooses() {
        assertThat(SystemPathDialogs.startFolder(null)).isEmpty();
        assertThat(SystemPathDialogs.startFolder(Path.of("gone-" + System.nanoTime(), "deeper")))
                .as("a relative path with no existing folder above it")
                .isEmpty();
    }

    @Test
    void theSystemImplementationIsTheOneThatChecks() {
        assertThat(PathDialogs.system()).isInstanceOf(SystemPathDialogs.class);
    }
}
