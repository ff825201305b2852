package dev.p2pcopy.desktop.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.desktop.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file replaced whole: what is written is read back, and a failed write leaves no trace. */
class AtomicFileTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingFileCannotBeReadAndIsWrittenWithItsFolders() throws IOException {
        AtomicFile file = new AtomicFile(tmp.resolve("a").resolve("b").resolve("state.json"));

        assertThatThrownBy(file::read).isInstanceOf(NoSuchFileException.class);
        file.write(bytes("first"));
        file.write(bytes("second, and longer"));
        file.write(bytes("third"));

        assertThat(file.read()).isEqualTo(bytes("third"));
        assertThat(TestFiles.listing(file.path().getParent()))
                .as("no temporary file left behind")
                .containsExactly("state.json");
    }

    @Test
    void thePathIsAbsolute() {
        AtomicFile file = new AtomicFile(Path.of("relative.json"));

        assertThat(file.path()).isAbsolute().isEqualTo(Path.of("relative.json").toAbsolutePath());
    }

    @Test
    void aFailedWriteKeepsWhatIsInTheWayAndLeavesNoTemporaryFile() throws IOException {
        AtomicFile file = new AtomicFile(tmp.resolve("state.json"));
        // A folder where the file should be: the final rename fails after the temporary file was written.
        Files.createDirectories(file.path().resolve("child"));

        assertThatThrownBy(() -> file.write(bytes("lost"))).isInstanceOf(IOException.class);

        assertThat(TestFiles.listing(tmp)).containsExactly("state.json");
        assertThat(file.path().resolve("child")).isDirectory();
    }

    @Test
    void aFileWhereTheFolderShouldBeFailsTheWrite() throws IOException {
        Path notAFolder = Files.writeString(tmp.resolve("config"), "in the way");
        AtomicFile file = new AtomicFile(notAFolder.resolve("state.json"));

        assertThatThrownBy(() -> file.write(bytes("lost"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(notAFolder).hasContent("in the way");
    }

    @Test
    void aBadFileIsCopiedAsideAndTheCopySurvivesTheNextWrite() throws IOException {
        AtomicFile file = new AtomicFile(tmp.resolve("state.json"));
        file.write(bytes("{broken"));

        Path copy = file.keepBadCopy().orElseThrow();

        assertThat(copy)
                .isEqualTo(tmp.resolve("state.json" + AtomicFile.BAD_SUFFIX))
                .hasContent("{broken");
        file.write(bytes("{}"));
        assertThat(copy).hasContent("{broken");
        file.write(bytes("{again"));
        assertThat(file.keepBadCopy()).as("an older copy is replaced").hasValue(copy);
        assertThat(copy).hasContent("{again");
    }

    @Test
    void withoutAFileThereIsNoCopy() {
        AtomicFile file = new AtomicFile(tmp.resolve("state.json"));

        assertThat(file.keepBadCopy()).isEmpty();
        assertThat(tmp.resolve("state.json.bad")).doesNotExist();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
