package dev.p2pcopy.protocol.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.resume.JournalIdentity;
import dev.p2pcopy.protocol.resume.ResumePoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class CommitterTest {
    @TempDir
    Path dir;

    private final Flusher flusher = new Flusher();

    @AfterEach
    void stop() {
        flusher.close();
    }

    private IncomingFile verified(String name, byte[] content) throws Exception {
        IncomingFile file = IncomingFile.open(
                dir.resolve(name), flusher, new JournalIdentity("f", 1L << 40, 0, 1 << 20), ResumePoint.fresh());
        file.write(ByteBuffer.wrap(content));
        assertThat(file.verify(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(content))))
                .isTrue();
        return file;
    }

    @Test
    void everySubmittedFileIsCommittedBeforeAwaitAllReturns() throws Exception {
        AtomicInteger committed = new AtomicInteger();
        List<IOException> failures = new CopyOnWriteArrayList<>();
        try (Committer committer = new Committer(committed::incrementAndGet, (f, e) -> failures.add(e))) {
            for (int i = 0; i < 50; i++) {
                committer.submit(verified("f" + i, new byte[] {(byte) i}), 1_600_000_000_000L, -1);
            }
            committer.awaitAll();
            assertThat(committed).hasValue(50);
            assertThat(failures).isEmpty();
            for (int i = 0; i < 50; i++) {
                assertThat(dir.resolve("f" + i)).hasBinaryContent(new byte[] {(byte) i});
            }
            // Usable again after a wait.
            committer.submit(verified("late", new byte[] {9}), 0, -1);
            committer.awaitAll();
            assertThat(committed).hasValue(51);
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing.filter(p -> p.getFileName().toString().endsWith(IncomingFile.PART_SUFFIX)))
                    .isEmpty();
        }
    }

    @Test
    void aFileThatCannotBeRenamedIsReportedAndNotCounted() throws Exception {
        AtomicInteger committed = new AtomicInteger();
        List<IncomingFile> failed = new CopyOnWriteArrayList<>();
        IncomingFile file = verified("sub/x.bin", new byte[] {1, 2});
        // A directory under the final name makes the atomic rename fail.
        Files.createDirectories(dir.resolve("sub/x.bin/blocker"));
        try (Committer committer = new Committer(committed::incrementAndGet, (f, e) -> failed.add(f))) {
            committer.submit(file, 0, -1);
            committer.awaitAll();
        }
        assertThat(committed).hasValue(0);
        assertThat(failed).containsExactly(file);
    }
}
