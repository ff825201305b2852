package dev.p2pcopy.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resuming across runs, end to end: a receive that was cancelled leaves a hidden partial file and
 * its journal; running the same offer again (with a new code, into the same folder) sends only
 * what is missing, starts a file over when its partial data or journal cannot be trusted or its
 * source changed, and always ends with the sender's exact bytes and no leftovers.
 *
 * <p>Data is random and uncompressed, so that byte counts are exact; reconnecting is off, so a
 * cancelled side's partner ends at once instead of waiting for it to come back.
 */
@Timeout(60)
class ResumeEndToEndTest {
    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    private static final ReconnectPolicy NO_RECONNECT = ReconnectPolicy.giveUpAfter(Duration.ZERO);
    private static final int CHUNK = Peers.CHUNK;
    private static final long SIZE = 24L << 20;
    private static final long MTIME = 1_700_000_000L;

    @TempDir
    Path tmp;

    private Path src() throws IOException {
        return Files.createDirectories(tmp.resolve("src"));
    }

    private Path out() throws IOException {
        return Files.createDirectories(tmp.resolve("out"));
    }

    private Path bigFile() throws IOException {
        Path file = Trees.randomFile(src().resolve("big.bin"), SIZE, 11);
        Trees.stamp(file, MTIME);
        return file;
    }

    // ---- the interrupted run and the one that finishes ----

    private static UnaryOperator<SendOptions.Builder> sending() {
        return b -> b.compression(Compression.NONE).reconnect(NO_RECONNECT);
    }

    private static UnaryOperator<ReceiveOptions.Builder> receiving() {
        return b -> b.reconnect(NO_RECONNECT);
    }

    /**
     * Starts a transfer and cancels the receiver as soon as its progress satisfies {@code when};
     * both sides must then have failed (the receiver as cancelled). Returns the run.
     */
    private static Peers.Run interrupt(List<Path> sources, Path out, Predicate<TransferProgress> when)
            throws Exception {
        Peers.Run run = Peers.start(relay.uri(), sources, out, sending(), receiving());
        Await.until(
                "the receiver to reach the point where it is cancelled",
                Duration.ofSeconds(30),
                () -> when.test(run.receiver().progress())
                        || run.receiver().result().isDone());
        run.receiver().cancel();
        assertThat(Peers.failure(run.receiver()).reason()).isEqualTo(FailureReason.CANCELLED);
        assertThat(Peers.failure(run.sender()).reason()).isEqualTo(FailureReason.PEER_FAILED);
        return run;
    }

    /** What the first run left: its code, and the size of the partial file. */
    private record Interrupted(String code, long kept) {}

    /** Cancels the receiver of {@code file} once at least 40 % of it is verified; the partial file and journal stay. */
    private static Interrupted interruptAtFortyPercent(Path file, Path out) throws Exception {
        long size = Files.size(file);
        Peers.Run run = interrupt(List.of(file), out, p -> p.verifiedBytes() >= size * 2 / 5);
        Path target = out.resolve(file.getFileName().toString());
        assertThat(target).doesNotExist();
        assertThat(journal(target)).isRegularFile();
        long kept = Files.size(part(target));
        assertThat(kept).isBetween(size * 2 / 5, size - 1);
        return new Interrupted(run.code(), kept);
    }

    /**
     * Runs the offer with a new sender (and so a new code) and a new receiver into {@code out};
     * it must succeed. Returns the file bytes the sender sent in DATA frames.
     */
    private static long runToTheEnd(
            List<Path> sources, Path out, String previousCode, UnaryOperator<ReceiveOptions.Builder> receiveOptions)
            throws Exception {
        Peers.Run run = Peers.start(
                relay.uri(),
                sources,
                out,
                sending(),
                b -> receiveOptions.apply(receiving().apply(b)));
        assertThat(run.code()).isNotEqualTo(previousCode);
        TransferResult sent = run.sent();
        TransferResult received = run.received();
        assertThat(received.bytes()).as("bytes the receiver wrote in this run").isEqualTo(sent.bytes());
        return sent.bytes();
    }

    private static long runToTheEnd(List<Path> sources, Path out) throws Exception {
        return runToTheEnd(sources, out, null, b -> b);
    }

    private static Path part(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".p2p-copy-part");
    }

    private static Path journal(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".p2p-copy-part.p2p-copy-journal");
    }

    private static void assertIdentical(Path source, Path copy) throws IOException {
        assertThat(Trees.sha256(copy)).isEqualTo(Trees.sha256(source));
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(Files.getLastModifiedTime(source));
    }

    // ---- one file ----

    @Test
    @Timeout(30)
    void aCancelledReceiveResumesWithANewCodeAndOnlyTheRestIsSent() throws Exception {
        Path file = bigFile();
        Path out = out();
        Interrupted first = interruptAtFortyPercent(file, out);
        Path target = out.resolve("big.bin");

        long sent = runToTheEnd(List.of(file), out, first.code(), b -> b);

        assertThat(sent).isPositive().isLessThanOrEqualTo(SIZE - first.kept() + 2L * CHUNK);
        assertIdentical(file, target);
        assertThat(Trees.listing(out)).containsExactly("big.bin"); // no partial file, no journal
    }

    @Test
    @Timeout(30)
    void aDamagedChunkInThePartialFileIsSentAgainFromThatChunkOn() throws Exception {
        Path file = bigFile();
        Path out = out();
        long kept = interruptAtFortyPercent(file, out).kept();
        Path target = out.resolve("big.bin");
        long k = kept / CHUNK / 2;
        long at = k * CHUNK + CHUNK / 3;
        try (FileChannel channel = FileChannel.open(part(target), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, at);
            one.put(0, (byte) (one.get(0) ^ 0x5a));
            channel.write(one.rewind(), at);
        }

        long sent = runToTheEnd(List.of(file), out);

        long fromChunkK = SIZE - k * CHUNK;
        assertThat(sent).isBetween(fromChunkK, fromChunkK + CHUNK);
        assertIdentical(file, target);
        assertThat(Trees.listing(out)).containsExactly("big.bin");
    }

    @Test
    @Timeout(30)
    void aPartialFileTruncatedMidChunkResumesFromTheChunkBefore() throws Exception {
        Path file = bigFile();
        Path out = out();
        long kept = interruptAtFortyPercent(file, out).kept();
        Path target = out.resolve("big.bin");
        long k = kept / CHUNK / 2;
        try (FileChannel channel = FileChannel.open(part(target), StandardOpenOption.WRITE)) {
            channel.truncate(k * CHUNK + CHUNK / 2);
        }

        long sent = runToTheEnd(List.of(file), out);

        long fromChunkK = SIZE - k * CHUNK;
        assertThat(sent).isBetween(fromChunkK, fromChunkK + CHUNK);
        assertIdentical(file, target);
        assertThat(Trees.listing(out)).containsExactly("big.bin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage-first-record", "garbage-header", "truncated-header"})
    @Timeout(30)
    void aCorruptJournalMakesTheFileStartOver(String damage) throws Exception {
        Path file = bigFile();
        Path out = out();
        interruptAtFortyPercent(file, out);
        Path target = out.resolve("big.bin");
        Path journal = journal(target);
        byte[] bytes = Files.readAllBytes(journal);
        int headerLength = indexOf(bytes, (byte) '\n') + 1;
        assertThat(headerLength).isPositive();
        switch (damage) {
            case "garbage-first-record" -> overwrite(journal, headerLength, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\n");
            case "garbage-header" -> overwrite(journal, 2, "garbage");
            case "truncated-header" -> {
                try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
                    channel.truncate(headerLength / 2);
                }
            }
            default -> throw new IllegalArgumentException(damage);
        }

        long sent = runToTheEnd(List.of(file), out);

        assertThat(sent).isEqualTo(SIZE);
        assertIdentical(file, target);
        assertThat(Trees.listing(out)).containsExactly("big.bin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"newer-mtime", "one-more-byte"})
    @Timeout(30)
    void aSourceThatChangedBetweenRunsStartsOver(String change) throws Exception {
        Path file = bigFile();
        Path out = out();
        interruptAtFortyPercent(file, out);
        if (change.equals("newer-mtime")) {
            Trees.stamp(file, MTIME + 60);
        } else {
            Files.write(file, new byte[] {42}, StandardOpenOption.APPEND);
            Trees.stamp(file, MTIME); // only the size differs
        }
        long newSize = Files.size(file);

        long sent = runToTheEnd(List.of(file), out);

        assertThat(sent).isEqualTo(newSize);
        Path target = out.resolve("big.bin");
        assertIdentical(file, target); // the new source, not a mix of old and new
        assertThat(Trees.listing(out)).containsExactly("big.bin");
    }

    // ---- folders ----

    /** A folder of five files of 1–4 MiB, one in a subfolder, with fixed times. */
    private Path album() throws IOException {
        Path album = src().resolve("album");
        long[] sizes = {1L << 20, 3L << 19, 2L << 20, 3L << 20, 4L << 20};
        String[] names = {"a.bin", "b.bin", "c.bin", "d.bin", "sub/e.bin"};
        for (int i = 0; i < names.length; i++) {
            Trees.stamp(Trees.randomFile(album.resolve(names[i]), sizes[i], 100 + i), MTIME + i);
        }
        Trees.stamp(album.resolve("sub"), MTIME + 10);
        Trees.stamp(album, MTIME + 11);
        return album;
    }

    private static long totalSize(Path dir, Predicate<String> name) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            long total = 0;
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && name.test(p.getFileName().toString())) {
                    total += Files.size(p);
                }
            }
            return total;
        }
    }

    @Test
    @Timeout(30)
    void anInterruptedFolderIsFinishedInPlaceSkippingTheFilesAlreadyThere() throws Exception {
        Path album = album();
        Path out = out();
        long total = totalSize(album, n -> true);
        interrupt(List.of(album), out, p -> p.filesDone() >= 2);
        Path received = out.resolve("album");
        assertThat(received.resolve(".p2p-copy-incomplete")).isRegularFile();
        long committed = totalSize(received, n -> !n.startsWith("."));
        long partial = totalSize(received, n -> n.endsWith(".p2p-copy-part"));
        assertThat(received.resolve("a.bin")).isRegularFile();
        assertThat(received.resolve("b.bin")).isRegularFile();
        long remaining = total - committed - partial;
        assertThat(remaining).as("bytes still missing after the first run").isPositive();

        Peers.Run run = Peers.start(relay.uri(), List.of(album), out, sending(), receiving());
        long sent = run.sent().bytes();

        assertThat(run.received().paths()).containsExactly(received); // not "album (1)"
        assertThat(sent).isPositive().isLessThanOrEqualTo(remaining + CHUNK);
        try (Stream<Path> top = Files.list(out)) {
            assertThat(top).containsExactly(received);
        }
        Trees.assertSameTree(album, received); // hidden files included: no marker, no partial files
    }

    @Test
    @Timeout(30)
    void receivingTheSameFolderTwiceWithSkipChangesNothing() throws Exception {
        Path album = album();
        Path out = out();
        UnaryOperator<ReceiveOptions.Builder> skip = b -> b.conflictPolicy(ConflictPolicy.SKIP);
        long total = totalSize(album, n -> true);
        assertThat(runToTheEnd(List.of(album), out, null, skip)).isEqualTo(total);
        Path received = out.resolve("album");
        Trees.assertSameTree(album, received);
        Map<String, Object> identities = fileKeys(received);

        long sent = runToTheEnd(List.of(album), out, null, skip);

        assertThat(sent).isZero();
        Trees.assertSameTree(album, received);
        assertThat(fileKeys(received)).isEqualTo(identities); // the very same files, not rewritten copies
        try (Stream<Path> top = Files.list(out)) {
            assertThat(top).containsExactly(received);
        }
    }

    // ---- helpers ----

    /** Each file's file-system identity (device and inode on Unix), by relative path. */
    private static Map<String, Object> fileKeys(Path dir) throws IOException {
        Map<String, Object> keys = new HashMap<>();
        for (String rel : Trees.listing(dir)) {
            Path p = dir.resolve(rel);
            if (Files.isRegularFile(p)) {
                keys.put(rel, Files.readAttributes(p, BasicFileAttributes.class).fileKey());
            }
        }
        assertThat(keys.values()).doesNotContainNull();
        return keys;
    }

    private static void overwrite(Path file, long at, String text) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), at);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
