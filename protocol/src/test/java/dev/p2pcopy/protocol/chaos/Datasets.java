package dev.p2pcopy.protocol.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.protocol.Trees;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Generated test data, and checks that a receiver got exactly it and left nothing behind. */
final class Datasets {
    /** What the engine's temporary files (partial data, journals, markers) have in their names. */
    static final String TEMP_MARKER = ".p2p-copy-";

    private Datasets() {}

    /**
     * What was generated.
     *
     * @param base the folder holding the roots
     * @param roots the paths to send
     * @param bytes their content's size
     * @param files how many regular files
     */
    record Dataset(Path base, List<Path> roots, long bytes, int files) {}

    /** A size drawn log-uniformly from [{@code min}, {@code max}], so small and large sizes are alike common. */
    static long logUniform(Random random, long min, long max) {
        double lo = Math.log(min);
        double hi = Math.log(max);
        return Math.min(max, Math.round(Math.exp(lo + random.nextDouble() * (hi - lo))));
    }

    /** One file of {@code size} random bytes in {@code base}. */
    static Dataset singleFile(Path base, long size, Random random) throws IOException {
        Path file = randomFile(base.resolve("file-" + size + ".bin"), size, random);
        return new Dataset(base, List.of(file), size, 1);
    }

    /**
     * A mix for chaos runs: mostly one file of 1 KiB–{@code maxFile} random bytes, else a folder
     * of a few files (one in a subfolder, some empty), else an empty file.
     */
    static Dataset mixed(Path base, Random random, long maxFile) throws IOException {
        double kind = random.nextDouble();
        if (kind < 0.55) {
            return singleFile(base, logUniform(random, 1024, maxFile), random);
        }
        if (kind < 0.93) {
            Path folder = base.resolve("folder");
            int count = 2 + random.nextInt(5);
            long bytes = 0;
            for (int i = 0; i < count; i++) {
                long size = random.nextInt(5) == 0 ? 0 : logUniform(random, 1024, maxFile / 4);
                Path dir = i % 3 == 2 ? folder.resolve("sub") : folder;
                randomFile(dir.resolve("f" + i + ".dat"), size, random);
                bytes += size;
            }
            return new Dataset(base, List.of(folder), bytes, count);
        }
        Path empty = base.resolve("empty.txt");
        Files.createDirectories(base);
        Files.createFile(empty);
        return new Dataset(base, List.of(empty), 0, 1);
    }

    /**
     * Asserts that {@code out} holds exactly the dataset's files with the same SHA-256 each, and
     * no partial file, journal or other temporary file of the engine.
     */
    static void assertReceived(Dataset dataset, Path out) throws IOException {
        assertThat(hashes(out)).isEqualTo(hashes(dataset.base()));
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(TEMP_MARKER));
        }
    }

    /** Relative path to SHA-256 of every regular file under {@code root}. */
    private static TreeMap<String, String> hashes(Path root) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            out.put(root.relativize(f).toString(), Trees.sha256(f));
        }
        return out;
    }

    private static Path randomFile(Path file, long size, Random random) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                int n = (int) Math.min(buffer.length, left);
                random.nextBytes(buffer);
                out.write(buffer, 0, n);
                left -= n;
            }
        }
        return file;
    }
}
