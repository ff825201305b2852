package dev.p2pcopy.protocol.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.resume.JournalIdentity;
import dev.p2pcopy.protocol.resume.ResumePoint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class IncomingFileTest {
    @TempDir
    Path dir;

    private final Flusher flusher = new Flusher();

    @AfterEach
    void stopFlusher() {
        flusher.close();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void writesBesideTheTargetAndCommitsAtomically() throws Exception {
        Path target = dir.resolve("sub/a.txt");
        byte[] content = "hello world".getBytes(StandardCharsets.UTF_8);
        IncomingFile file =
                IncomingFile.open(target, flusher, new JournalIdentity("f", 1L << 40, 0, 1 << 20), ResumePoint.fresh());
        Path part = dir.resolve("sub/.a.txt.p2p-copy-part");
        assertThat(part).exists();

        file.write(ByteBuffer.wrap(content, 0, 5).asReadOnlyBuffer());
        file.write(ByteBuffer.wrap(content, 5, content.length - 5));
        assertThat(file.written()).isEqualTo(content.length);
        assertThat(target).doesNotExist();

        assertThat(file.verify(sha256(content))).isTrue();
        assertThat(target).doesNotExist();
        file.persist(1_600_000_000_000L, 0640);
        assertThat(target).hasBinaryContent(content);
        assertThat(part).doesNotExist();
        assertThat(Files.getLastModifiedTime(target).toMillis()).isEqualTo(1_600_000_000_000L);
        assertThat(Files.getPosixFilePermissions(target))
                .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_READ);
        assertThat(file.target()).isEqualTo(target);
    }

    @Test
    void aWrongHashLeavesNothingBehind() throws Exception {
        Path target = dir.resolve("a.bin");
        IncomingFile file =
                IncomingFile.open(target, flusher, new JournalIdentity("f", 1L << 40, 0, 1 << 20), ResumePoint.fresh());
        file.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));

        assertThat(file.verify(sha256(new byte[] {1, 2, 4}))).isFalse();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void largeFilesAreFlushedAlongTheWayAndStillCommit() throws Exception {
        Path target = dir.resolve("big.bin");
        byte[] piece = new byte[1 << 20];
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        IncomingFile file =
                IncomingFile.open(target, flusher, new JournalIdentity("f", 1L << 40, 0, 1 << 20), ResumePoint.fresh());
        for (int i = 0; i < 40; i++) {
            piece[0] = (byte) i;
            sha.update(piece);
            file.write(ByteBuffer.wrap(piece));
        }
        assertThat(file.verify(HexFormat.of().formatHex(sha.digest()))).isTrue();
        file.persist(0, -1);
        assertThat(Files.size(target)).isEqualTo(40L << 20);
    }

    @Test
    void discardRemovesThePartFileAndMayBeRepeated() throws Exception {
        IncomingFile file = IncomingFile.open(
                dir.resolve("a.bin"), flusher, new JournalIdentity("f", 1L << 40, 0, 1 << 20), ResumePoint.fresh());
        file.write(ByteBuffer.wrap(new byte[] {1}));
        file.discard();
        file.close();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void veryLongNamesGetAShortPartName() {
        Path target = dir.resolve("x".repeat(250));
        Path part = IncomingFile.partPath(target);
        assertThat(part.getParent()).isEqualTo(dir);
        assertThat(part.getFileName().toString())
                .startsWith(".")
                .endsWith(IncomingFile.PART_SUFFIX)
                .hasSizeLessThan(40);
    }

    @Test
    void modesMapToPosixPermissions() throws Exception {
        assertThat(PosixModes.toPermissions(0755))
                .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE,
                        PosixFilePermission.GROUP_READ,
                        PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_READ,
                        PosixFilePermission.OTHERS_EXECUTE);
        Path f = Files.createFile(dir.resolve("f"));
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(f);
        PosixModes.apply(f, -1);
        assertThat(Files.getPosixFilePermissions(f)).isEqualTo(before);
    }
}
