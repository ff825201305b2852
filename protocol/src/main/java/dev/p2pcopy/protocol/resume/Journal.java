package dev.p2pcopy.protocol.resume;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;

/**
 * An append-only journal beside a partial file: which chunks of it have been written, each with
 * the CRC32C of its bytes. On a later run {@link PartialFiles#inspect} re-reads the partial file
 * against it to find how much of it can be kept.
 *
 * <p>Format: one header line, a JSON object with a magic name, the format version and the
 * {@link JournalIdentity}; then one 35-byte line per completed chunk, in chunk order: {@code
 * index checksum recordChecksum}, as 16, 8 and 8 lowercase hex digits, where {@code
 * recordChecksum} is the CRC32C of the line's first 26 bytes. Reading stops at the first record
 * that is torn, damaged or out of order; a header that is not exactly the expected one makes the
 * whole journal void.
 *
 * <p>Why CRC32C per chunk: it is hardware-accelerated, so keeping the journal costs next to
 * nothing while data arrives. It only decides where a resumed transfer starts: the whole-file
 * SHA-256 is still checked at the end of every transfer, so a chunk that matched its CRC32C by
 * chance cannot produce a wrong file, only a failed one.
 *
 * <p>Records are not flushed one by one: after a crash the journal may claim chunks whose data
 * never reached the disk, or miss chunks that did. Both are safe because resuming trusts no
 * record without checking the data against it.
 */
public final class Journal implements AutoCloseable {
    /** Suffix of journal files. */
    public static final String SUFFIX = ".p2p-copy-journal";

    static final int RECORD_LENGTH = 35;
    private static final int VERSION = 1;
    private static final int SIGNED_LENGTH = 26;
    private static final HexFormat HEX = HexFormat.of();

    private final Path file;
    private final FileChannel channel;
    private long nextIndex;

    private Journal(Path file, FileChannel channel, long nextIndex) {
        this.file = file;
        this.channel = channel;
        this.nextIndex = nextIndex;
    }

    /** The journal of {@code partFile}: a hidden name beside it. */
    public static Path pathFor(Path partFile) {
        String name = partFile.getFileName().toString();
        return partFile.resolveSibling((name.startsWith(".") ? name : "." + name) + SUFFIX);
    }

    /**
     * Opens the journal {@code file} of the file {@code id} for appending. With {@code keptChunks}
     * 0 it is created (or emptied) and gets a new header; otherwise it must hold exactly the
     * header and the first {@code keptChunks} records, as {@link PartialFiles#inspect} leaves it.
     *
     * @throws IOException if it cannot be written, or does not hold what {@code keptChunks} says
     */
    public static Journal open(Path file, JournalIdentity id, long keptChunks) throws IOException {
        byte[] header = header(id);
        if (keptChunks == 0) {
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            try {
                writeFully(channel, header);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new Journal(file, channel, 0);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        long length = header.length + keptChunks * RECORD_LENGTH;
        if (channel.size() != length) {
            channel.close();
            throw new IOException("The journal " + file + " does not hold the " + keptChunks + " verified chunks.");
        }
        channel.position(length);
        return new Journal(file, channel, keptChunks);
    }

    /**
     * Records that chunk {@code chunkIndex} is written and its bytes have the CRC32C {@code
     * chunkChecksum}. One write call, no flush (see the class comment).
     *
     * @throws IllegalArgumentException if {@code chunkIndex} is not the next chunk
     */
    public void append(long chunkIndex, int chunkChecksum) throws IOException {
        if (chunkIndex != nextIndex) {
            throw new IllegalArgumentException("Chunk " + chunkIndex + " recorded where " + nextIndex + " comes next");
        }
        writeFully(channel, record(chunkIndex, chunkChecksum));
        nextIndex++;
    }

    /** Closes the journal and leaves it on disk. Safe to call more than once. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Closes the journal and deletes it. Safe to call more than once. */
    public void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    /**
     * The chunk checksums recorded in {@code file}, in chunk order, up to the first bad record
     * and at most one per whole chunk of {@code expected}. Empty if the file is missing or
     * unreadable, or its header is not exactly the one {@link #open} writes for {@code expected}.
     */
    static int[] recordedChecksums(Path file, JournalIdentity expected) {
        byte[] header = header(expected);
        IntStream.Builder checksums = IntStream.builder();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            if (!Arrays.equals(in.readNBytes(header.length), header)) {
                return new int[0];
            }
            for (long index = 0; index < expected.fullChunks(); index++) {
                byte[] record = in.readNBytes(RECORD_LENGTH);
                if (record.length < RECORD_LENGTH || !isValid(record, index)) {
                    break;
                }
                checksums.add(HexFormat.fromHexDigits(ascii(record), 17, 25));
            }
        } catch (IOException e) {
            // Whatever was read before the failure is still good.
        }
        return checksums.build().toArray();
    }

    /** Cuts {@code file}, whose header is that of {@code id}, back to its first {@code keptChunks} records. */
    static void keepRecords(Path file, JournalIdentity id, long keptChunks) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(header(id).length + keptChunks * RECORD_LENGTH);
        }
    }

    /** The header line {@link #open} writes: JSON, so that a person can read it. */
    static byte[] header(JournalIdentity id) {
        String json = JsonNodeFactory.instance
                .objectNode()
                .put("magic", "p2p-copy-journal")
                .put("version", VERSION)
                .put("path", id.path())
                .put("size", id.size())
                .put("mtimeMillis", id.mtimeMillis())
                .put("chunkSize", id.chunkSize())
                .toString(); // Jackson renders a node as valid JSON
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] record(long chunkIndex, int chunkChecksum) {
        String signed = HEX.toHexDigits(chunkIndex) + " " + HEX.toHexDigits(chunkChecksum) + " ";
        byte[] bytes = signed.getBytes(StandardCharsets.US_ASCII);
        return (signed + HEX.toHexDigits(crc32c(bytes, SIGNED_LENGTH)) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean isValid(byte[] record, long expectedIndex) {
        if (record[16] != ' ' || record[25] != ' ' || record[34] != '\n') {
            return false;
        }
        String line = ascii(record);
        try {
            return HexFormat.fromHexDigits(line, 26, 34) == crc32c(record, SIGNED_LENGTH)
                    && HexFormat.fromHexDigitsToLong(line, 0, 16) == expectedIndex;
        } catch (IllegalArgumentException e) {
            return false; // not hex
        }
    }

    private static int crc32c(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
