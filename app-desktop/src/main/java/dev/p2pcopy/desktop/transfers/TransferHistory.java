package dev.p2pcopy.desktop.transfers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.p2pcopy.desktop.storage.AbsolutePaths;
import dev.p2pcopy.desktop.storage.AtomicFile;
import dev.p2pcopy.desktop.storage.LatestWins;
import dev.p2pcopy.protocol.FailureReason;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    public static final String BAD_SUFFIX = AtomicFile.BAD_SUFFIX;
    /** How many interrupted transfers are kept at most: the newest. */
    public static final int LIMIT = 50;

    private static final Logger LOG = LoggerFactory.getLogger(TransferHistory.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int FORMAT = 1;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final AtomicFile file;
    // Its thread is not a daemon: the last save still finishes when the app quits.
    private final LatestWins<List<HistoryEntry>> writer = new LatestWins<>("p2p-copy-history-writer", this::save);

    /** @param file the history file; its folder is created on the first save */
    public TransferHistory(Path file) {
        this.file = new AtomicFile(file);
    }

    /** The history in the folder of {@code settingsFile}. */
    public static TransferHistory beside(Path settingsFile) {
        return new TransferHistory(settingsFile.toAbsolutePath().resolveSibling(FILE_NAME));
    }

    /** The history file. */
    public Path file() {
        return file.path();
    }

    /**
     * The kept transfers, newest first, at most {@link #LIMIT}; empty if there are none or none
     * can be read. Call it before any save: it rewrites a damaged file on the calling thread.
     */
    List<HistoryEntry> load() {
        byte[] bytes;
        try {
            bytes = file.read();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warn("The list of interrupted transfers in {} cannot be read ({}).", file.path(), e.toString());
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
        writer.submit(List.copyOf(entries));
    }

    /** Lets the pending save finish, waiting a few seconds at most; later saves are ignored. */
    void close() {
        if (!writer.close(CLOSE_WAIT)) {
            LOG.warn("The list of interrupted transfers was still being saved to {} when the app closed.", file.path());
        }
    }

    /**
     * Writes {@code entries} (newest first, the first {@link #LIMIT}) now: a temporary file beside
     * the history, forced to the disk and renamed over it. Logs a failure instead of throwing.
     */
    void save(List<HistoryEntry> entries) {
        try {
            ArrayNode list = JSON.createArrayNode();
            entries.stream().limit(LIMIT).forEach(e -> list.add(json(e)));
            ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
            root.set("transfers", list);
            file.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException | RuntimeException e) {
            LOG.warn("The list of interrupted transfers could not be saved to {} ({}).", file.path(), e.toString());
        }
    }

    private void keepBadCopy(String problem) {
        file.keepBadCopy()
                .ifPresentOrElse(
                        copy -> LOG.warn(
                                "The list of interrupted transfers in {} {}; it is kept as {}.",
                                file.path(),
                                problem,
                                copy),
                        () -> LOG.warn("The list of interrupted transfers in {} {}.", file.path(), problem));
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
                Path path = AbsolutePaths.parse(source.isTextual() ? source.textValue() : null);
                if (path == null) {
                    return null;
                }
                sources.add(path);
            }
            Path folder = AbsolutePaths.parse(text(node, "folder"));
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
}
