package dev.p2pcopy.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage problems for real: each test receives into a small tmpfs (40 MiB) that it mounts
 * first and unmounts after. The free-space check refuses an offer that cannot fit, and a disk
 * that fills up mid-transfer (ENOSPC) ends it with a clear error, keeps the verified part, and a
 * later run resumes once space is freed.
 *
 * <p>Mounting needs Linux and root (or CAP_SYS_ADMIN). Where {@code mount -t tmpfs} is not
 * permitted, the tests are skipped, not failed.
 */
@Timeout(60)
class DiskFullEndToEndTest {
    @RegisterExtension
    static final LoopbackRelay relay = new LoopbackRelay();

    private static final ReconnectPolicy NO_RECONNECT = ReconnectPolicy.giveUpAfter(Duration.ZERO);
    private static final int CHUNK = SendOptions.DEFAULT_CHUNK_SIZE;

    @TempDir
    Path tmp;

    /** The mounted tmpfs, or null. */
    private Path mount;

    @BeforeEach
    void mountSmallFileSystem() throws Exception {
        Assumptions.assumeTrue(
                System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"),
                "a tmpfs can only be mounted on Linux");
        Path dir = Files.createTempDirectory("p2p-copy-tmpfs");
        if (run("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", dir.toString())) {
            mount = dir;
        } else {
            Files.delete(dir);
            Assumptions.assumeTrue(false, "cannot mount a tmpfs here (needs root): disk-full tests skipped");
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            if (!run("umount", mount.toString())) {
                run("umount", "-l", mount.toString()); // something still holds it open: detach anyway
            }
            Files.delete(mount);
            mount = null;
        }
    }

    /** Runs a command; whether it exited with 0. A missing command counts as failed. */
    private static boolean run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static UnaryOperator<SendOptions.Builder> sending() {
        return b -> b.chunkSize(CHUNK).compression(Compression.NONE).reconnect(NO_RECONNECT);
    }

    @Test
    void aDiskThatFillsUpKeepsTheVerifiedPartAndTheRerunResumesOnceSpaceIsFreed() throws Exception {
        long size = 32L << 20;
        Path file = Trees.randomFile(tmp.resolve("src/big.bin"), size, 21);
        Path out = Files.createDirectories(mount.resolve("out"));
        Path filler = mount.resolve("filler");
        // The receiver is held at its first progress report (one piece written) while the disk is
        // filled, leaving room for 10 MiB more: it runs out of space after 8 MiB or more, never
        // before, and cannot finish first, however the threads are scheduled.
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch filled = new CountDownLatch(1);
        TransferListener holdFirstReport = new TransferListener() {
            @Override
            public void onProgress(TransferProgress progress) {
                if (progress.verifiedBytes() > 0 && holding.getCount() > 0) {
                    holding.countDown();
                    try {
                        filled.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };

        Peers.Run first = Peers.start(
                relay.uri(),
                List.of(file),
                out,
                sending(),
                b -> b.reconnect(NO_RECONNECT).listener(holdFirstReport));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.receiver().progress().verifiedBytes()).isLessThan(8L << 20);
        fillUp(filler, 10L << 20);
        filled.countDown();

        Path target = out.resolve("big.bin");
        String diskFull = "The disk is full: cannot write " + target
                + ". What arrived so far is kept; free some space and run the same command again to resume.";
        TransferException e = Peers.failure(first.receiver());
        assertThat(e.reason()).isEqualTo(FailureReason.LOCAL_IO);
        assertThat(e).hasMessage(diskFull);
        TransferException told = Peers.failure(first.sender());
        assertThat(told.reason()).isEqualTo(FailureReason.PEER_FAILED);
        assertThat(told).hasMessage(diskFull);
        assertThat(target).doesNotExist();
        Path part = out.resolve(".big.bin.p2p-copy-part");
        assertThat(out.resolve(".big.bin.p2p-copy-part.p2p-copy-journal")).isRegularFile();
        long kept = Files.size(part);
        assertThat(kept).isGreaterThanOrEqualTo(8L << 20).isLessThan(size);

        Files.delete(filler);
        Peers.Run second = Peers.start(relay.uri(), List.of(file), out, sending(), b -> b.reconnect(NO_RECONNECT));
        long sent = second.sent().bytes();
        second.received();

        assertThat(second.code()).isNotEqualTo(first.code());
        assertThat(sent).isPositive().isLessThanOrEqualTo(size - kept + 2L * CHUNK);
        assertThat(Trees.sha256(target)).isEqualTo(Trees.sha256(file));
        assertThat(Trees.listing(out)).containsExactly("big.bin");
    }

    @Test
    void anOfferLargerThanTheFreeSpaceIsRefusedBeforeAnyData() throws Exception {
        Path file = Trees.randomFile(tmp.resolve("src/huge.bin"), 64L << 20, 22);
        Path out = Files.createDirectories(mount.resolve("out"));
        AtomicBoolean asked = new AtomicBoolean();

        Peers.Run run = Peers.start(
                relay.uri(),
                List.of(file),
                out,
                sending(),
                b -> b.reconnect(NO_RECONNECT).offerHandler(m -> {
                    asked.set(true);
                    return CompletableFuture.completedFuture(true);
                }));

        TransferException e = Peers.failure(run.receiver());
        assertThat(e.reason()).isEqualTo(FailureReason.LOCAL_IO);
        // 64 MiB needed; a 40 MiB tmpfs has at most 41.9 MB (decimal) free
        assertThat(e.getMessage())
                .matches(Pattern.quote("Not enough free space in " + out + ": need 67.1 MB, have ")
                        + "(4[01]|[1-3]?[0-9])\\.[0-9] MB\\.");
        TransferException told = Peers.failure(run.sender());
        assertThat(told.reason()).isEqualTo(FailureReason.PEER_FAILED);
        assertThat(told).hasMessage(e.getMessage());
        assertThat(asked)
                .as("the user was asked about an offer that cannot fit")
                .isFalse();
        assertThat(run.sender().progress().verifiedBytes()).isZero();
        assertThat(Trees.listing(mount)).containsExactly("out");
        assertThat(Trees.listing(out)).isEmpty();
    }

    /**
     * Writes {@code filler} until the file system has no room left (ENOSPC), down to single
     * pages, then gives {@code leave} bytes back.
     */
    private static void fillUp(Path filler, long leave) throws IOException {
        ByteBuffer block = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int length = block.capacity(); length >= 4096; length /= 16) {
                try {
                    while (true) {
                        block.clear().limit(length);
                        while (block.hasRemaining()) {
                            channel.write(block);
                        }
                    }
                } catch (IOException e) {
                    if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
                        throw e;
                    }
                }
            }
            assertThat(Files.getFileStore(filler).getUsableSpace()).isLessThan(1 << 20);
            channel.truncate(channel.size() - leave);
        }
    }
}
