package dev.p2pcopy.protocol.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.FailureReason;
import dev.p2pcopy.protocol.TransferException;
import dev.p2pcopy.protocol.manifest.EntryType;
import dev.p2pcopy.protocol.manifest.Manifest;
import dev.p2pcopy.protocol.manifest.ManifestEntry;
import dev.p2pcopy.protocol.message.ErrorMessage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class FailuresTest {

    @Test
    void localFileProblemsReadAsOneSentence() {
        assertThat(Failures.localIo("read", "x", new NoSuchFileException("/a/b")))
                .hasMessage("/a/b does not exist.")
                .extracting(TransferException::reason)
                .isEqualTo(FailureReason.LOCAL_IO);
        assertThat(Failures.localIo("read", "/a/b", new NoSuchFileException(null)))
                .hasMessage("/a/b does not exist.");
        assertThat(Failures.localIo("write", "x", new AccessDeniedException("/a/b")))
                .hasMessage("Permission denied: cannot write /a/b.");
        assertThat(Failures.localIo("write", "/a/b", new AccessDeniedException(null)))
                .hasMessage("Permission denied: cannot write /a/b.");
        assertThat(Failures.localIo("write", "/a/b", new FileSystemException("/a/b", null, "No space left on device")))
                .hasMessage("The disk is full: cannot write /a/b. What arrived so far is kept; free some space and run"
                        + " the same command again to resume.");
        assertThat(Failures.localIo("write", "/a/b", new IOException("Disk quota exceeded")))
                .hasMessageStartingWith("The disk is full: cannot write /a/b.");
        assertThat(Failures.localIo("write", "/c", new FileSystemException(null, null, "Busy")))
                .hasMessage("Cannot write /c: busy.");
        assertThat(Failures.localIo("read", "/c", new IOException("disk on fire")))
                .hasMessage("Cannot read /c: disk on fire.");
        assertThat(Failures.localIo("read", "/c", new IOException())).hasMessage("Cannot read /c: IOException.");
    }

    @Test
    void thePeersErrorsMapToReasonsHere() {
        assertThat(Failures.fromPeer(new ErrorMessage("INTEGRITY", "a was corrupted.")))
                .hasMessage("a was corrupted.")
                .extracting(TransferException::reason)
                .isEqualTo(FailureReason.INTEGRITY);
        assertThat(Failures.fromPeer(new ErrorMessage("PROTOCOL", "bad")).reason())
                .isEqualTo(FailureReason.PROTOCOL);
        assertThat(Failures.fromPeer(new ErrorMessage("PEER_DECLINED", "no")).reason())
                .isEqualTo(FailureReason.PEER_DECLINED);
        assertThat(Failures.fromPeer(new ErrorMessage("CANCELLED", "whatever")))
                .hasMessage("The other side cancelled the transfer.")
                .extracting(TransferException::reason)
                .isEqualTo(FailureReason.PEER_FAILED);
        assertThat(Failures.fromPeer(new ErrorMessage("LOCAL_IO", "Disk full.")))
                .hasMessage("Disk full.")
                .extracting(TransferException::reason)
                .isEqualTo(FailureReason.PEER_FAILED);
    }

    @Test
    void thePeersTextIsMadeSafeToShow() {
        assertThat(Failures.peerText("line\none\u001b[31m")).isEqualTo("line one [31m");
        assertThat(Failures.peerText("  ")).isEqualTo("The other side reported an error.");
        assertThat(Failures.peerText(null)).isEqualTo("The other side reported an error.");
        assertThat(Failures.peerText("x".repeat(1000))).hasSize(301).endsWith("…");
    }

    @Test
    void sizesReadNaturally() {
        assertThat(Failures.size(0)).isEqualTo("0 bytes");
        assertThat(Failures.size(1)).isEqualTo("1 byte");
        assertThat(Failures.size(999)).isEqualTo("999 bytes");
        assertThat(Failures.size(1500)).isEqualTo("1.5 KB");
        assertThat(Failures.size(999_960)).isEqualTo("1.0 MB");
        assertThat(Failures.size(5_000_000_000L)).isEqualTo("5.0 GB");
        assertThat(Failures.size(Long.MAX_VALUE)).isEqualTo("9.2 EB");
    }

    @Test
    void freeSpaceIsCheckedOnTheNearestExistingFolder(@TempDir Path dir) {
        FreeSpace.check(dir.resolve("not/yet/there"), 1);
        assertThatThrownBy(() -> FreeSpace.check(dir, Long.MAX_VALUE))
                .isInstanceOf(TransferException.class)
                .hasMessageStartingWith("Not enough free space in " + dir + ": need 9.2 EB, have ");
    }

    @Test
    void manifestChecksRefuseUnsafePathsCollisionsAndEntriesInsideFiles() {
        ManifestChecks.check(new Manifest(List.of(dir("a"), file("a/b"))));
        assertThatThrownBy(() -> ManifestChecks.check(new Manifest(List.of(file("../evil")))))
                .isInstanceOf(TransferException.class)
                .hasMessageStartingWith("Refused the sender's offer: the path \"../evil\" is not safe")
                .extracting(e -> ((TransferException) e).reason())
                .isEqualTo(FailureReason.PROTOCOL);
        assertThatThrownBy(() -> ManifestChecks.check(new Manifest(List.of(file("A"), file("a")))))
                .hasMessageContaining("same file");
        assertThatThrownBy(() -> ManifestChecks.check(new Manifest(List.of(file("a"), file("a/b")))))
                .hasMessage("The sender offered a/b inside the file a.");
    }

    private static ManifestEntry file(String path) {
        return new ManifestEntry(path, EntryType.FILE, 1, 0, -1);
    }

    private static ManifestEntry dir(String path) {
        return new ManifestEntry(path, EntryType.DIR, 0, 0, -1);
    }
}
