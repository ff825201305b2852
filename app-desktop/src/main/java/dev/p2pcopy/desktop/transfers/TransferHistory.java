package dev.p2pcopy.desktop.transfers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.p2pcopy.protocol.FailureReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interrupted transfers kept across restarts of the app, as a small JSON file beside the
 * settings. Loading never fails: a missing file is an empty history, and a damaged one is copied
 * aside (with {@link #BAD_SUFFIX}), gives whatever entries could still be read and is replaced by
 * them, so that the next start finds a sound file. Saving happens
 * on a writer thread of its own, replaces the file atomically and never throws: a history that
 * cannot be written only costs the list after a restart, not the transfer.
 */
public final class TransferHistory {
    /** The file's name, in the same folder as the settings file. */
    public static final String FILE_NAME = "transfers.json";
    /** Appended to the file's name for the copy of a file that could not be read fully. */
    public static final String BAD_SUFFIX = ".bad";
    /** How many interrupted transfers are kept at most: the newest. */
    public static final int LIMIT = 50;

    private static final Logger LOG = LoggerFactory.getLogger(TransferHistory.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int FORMAT = 1;
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final Path file;
    private final AtomicReference<List<HistoryEntry>> pending = new AtomicReference<>();
    // Not a daemon: the last save still finishes when the app quits; the idle thread ends by itself.
    private final ExecutorService writer = new ThreadPoolExecutor(
            0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> new Thread(r, "p2p-copy-history-writer"));

    /** @param file the history file; its folder is created on the first save */
    public TransferHistory(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The history in the folder of {@code settingsFile}. */
    public static TransferHistory beside(Path settingsFile) {
        return new TransferHistory(settingsFile.toAbsolutePath().resolveSibling(FILE_NAME));
    }

    /** The history file. */
    public Path file() {
        return file;
    }

    /**
     * The kept transfers, newest first, at most {@link #LIMIT}; empty if there are none or none
     * can be read. Call it before any save: it rewrites a damaged file on the calling thread.
     */
    List<HistoryEntry> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warn("The list of interrupted transfers in {} cannot be read ({}).", file, e.toString());
            return List.of();
        }
        JsonNode list;
        try {
            list = JSON.readTree(bytes).path("transfers");
        } catch (IOException | RuntimeException e) {
            list = null;
        }
        if (list == null || !list.isArray()) {
            keepBadCopy("could not be read");
            save(List.of());
            return List.of();
        }
        List<HistoryEntry> entries = new ArrayList<>();
        boolean dropped = false;
        for (JsonNode node : list) {
            HistoryEntry entry = entry(node);
            if (entry == null) {
                dropped = true;
            } else if (entries.size() < LIMIT) {
                entries.add(entry);
            }
        }
        if (dropped) {
            keepBadCopy("had entries that could not be read");
            save(entries);
        }
        return List.copyOf(entries);
    }

    /** Saves {@code entries} (newest first) soon on the writer thread, unless newer ones arrive first. */
    void saveLater(List<HistoryEntry> entries) {
        if (writer.isShutdown()) {
            return;
        }
        if (pending.getAndSet(List.copyOf(entries)) == null) {
            writer.execute(this::drain);
        }
    }

    /** Lets the pending save finish, waiting a few seconds at most; later saves are ignored. */
    void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The list of interrupted transfers was still being saved to {} when the app closed.", file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes {@code entries} (newest first, the first {@link #LIMIT}) now: a temporary file beside
     * the history, forced to the disk and renamed over it. Logs a failure instead of throwing.
     */
    void save(List<HistoryEntry> entries) {
        Path folder = file.getParent();
        Path temp = null;
        try {
            ArrayNode list = JSON.createArrayNode();
            entries.stream().limit(LIMIT).forEach(e -> list.add(json(e)));
            ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
            root.set("transfers", list);
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, file.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncFolder(folder);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The list of interrupted transfers could not be saved to {} ({}).", file, e.toString());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // A stray temporary file is harmless; the failure is already logged.
                }
            }
        }
    }

    private void drain() {
        List<HistoryEntry> latest = pending.getAndSet(null);
        if (latest != null) {
            save(latest);
        }
    }

    private void keepBadCopy(String problem) {
        Path copy = file.resolveSibling(file.getFileName() + BAD_SUFFIX);
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("The list of interrupted transfers in {} {}; it is kept as {}.", file, problem, copy);
        } catch (IOException e) {
            LOG.warn("The list of interrupted transfers in {} {}.", file, problem);
        }
    }

    /** Makes the rename itself durable where the OS allows opening a folder (not on Windows). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // The content is on the disk already; only the rename might be replayed.
        }
    }

    private static ObjectNode json(HistoryEntry e) {
        ObjectNode json = JSON.createObjectNode();
        json.put("direction", e.direction().name());
        ArrayNode sources = json.putArray("sources");
        e.sources().forEach(p -> sources.add(p.toString()));
        json.put("folder", e.folder().toString());
        json.put("title", e.title());
        json.put("code", e.code());
        json.put("totalBytes", e.totalBytes());
        json.put("verifiedBytes", e.verifiedBytes());
        json.put("reason", e.reason().name());
        json.put("failure", e.failure());
        json.put("endedAt", e.endedAt().toString());
        return json;
    }

    /** The entry in {@code node}, or null if anything in it is missing or unusable. */
    private static HistoryEntry entry(JsonNode node) {
        try {
            Direction direction = Direction.valueOf(text(node, "direction"));
            List<Path> sources = new ArrayList<>();
            JsonNode list = node.path("sources");
            if (!list.isArray()) {
                return null;
            }
            for (JsonNode source : list) {
                Path path = absolute(source.isTextual() ? source.textValue() : null);
                if (path == null) {
                    return null;
                }
                sources.add(path);
            }
            Path folder = absolute(text(node, "folder"));
            FailureReason reason = FailureReason.valueOf(text(node, "reason"));
            long total = count(node, "totalBytes");
            long verified = count(node, "verifiedBytes");
            boolean usable = folder != null
                    && (direction == Direction.RECEIVE || !sources.isEmpty())
                    && Resumable.after(reason)
                    && total >= 0
                    && verified >= 0;
            return usable
                    ? new HistoryEntry(
                            direction,
                            sources,
                            folder,
                            text(node, "title"),
                            text(node, "code"),
                            total,
                            verified,
                            reason,
                            text(node, "failure"),
                            Instant.parse(text(node, "endedAt")))
                    : null;
        } catch (IllegalArgumentException | DateTimeException e) {
            return null; // a missing or misspelt field: the entry cannot be used
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field);
        }
        return value.textValue();
    }

    private static long count(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : -1;
    }

    private static Path absolute(String text) {
        if (text == null) {
            return null;
        }
        try {
            Path path = Path.of(text);
            return path.isAbsolute() ? path : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
