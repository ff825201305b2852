package dev.p2pcopy.desktop.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dirs.ProjectDirectories;
import dev.dirs.UserDirectories;
import dev.p2pcopy.desktop.relay.RelayAddress;
import dev.p2pcopy.desktop.storage.AbsolutePaths;
import dev.p2pcopy.desktop.storage.AtomicFile;
import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.protocol.Compression;
import dev.p2pcopy.protocol.ConflictPolicy;
import dev.p2pcopy.protocol.SendOptions;
import dev.p2pcopy.protocol.TransferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads and saves {@link Settings} as a small JSON file. Loading never fails: a missing file
 * gives the defaults, and a damaged one gives the defaults for whatever cannot be used while
 * the readable values are kept; the damaged file is copied aside first so nothing is lost.
 * Saving replaces the file atomically, so a crash never leaves half a file behind.
 */
public final class SettingsStore {
    /** The file's name inside the config folder. */
    public static final String FILE_NAME = "settings.json";
    /** Appended to the file's name for the copy of a file that could not be used fully. */
    public static final String BAD_SUFFIX = AtomicFile.BAD_SUFFIX;

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final AtomicFile file;
    private final Path downloads;
    private volatile String problem;

    /**
     * A store in {@code file}.
     *
     * @param file the settings file; its folder is created on the first save
     * @param downloads the default download folder
     */
    public SettingsStore(Path file, Path downloads) {
        this.file = new AtomicFile(file);
        this.downloads = downloads;
    }

    /**
     * The store in the OS-appropriate config folder (e.g. {@code ~/.config/p2p-copy} on Linux),
     * with the OS's Downloads folder as the default download folder. Touches no file.
     */
    public static SettingsStore standard() {
        ProjectDirectories dirs = ProjectDirectories.from("dev", "p2pcopy", "p2p-copy");
        Path home = Path.of(System.getProperty("user.home"));
        return new SettingsStore(Path.of(dirs.configDir, FILE_NAME), defaultDownloads(osDownloads(), home));
    }

    /**
     * The default download folder: the OS's Downloads folder if it exists, else
     * {@code home/Downloads} if that exists, else {@code home}.
     *
     * @param osDownloads the Downloads folder the OS names, or null if it names none
     * @param home the user's home folder
     */
    static Path defaultDownloads(String osDownloads, Path home) {
        if (osDownloads != null && !osDownloads.isBlank()) {
            try {
                Path named = Path.of(osDownloads);
                if (Files.isDirectory(named)) {
                    return named;
                }
            } catch (InvalidPathException e) {
                // Fall back like a system that names no Downloads folder.
            }
        }
        Path downloads = home.resolve("Downloads");
        return Files.isDirectory(downloads) ? downloads : home;
    }

    private static String osDownloads() {
        try {
            return UserDirectories.get().downloadDir;
        } catch (RuntimeException e) {
            return null; // dev.dirs could not ask the OS; the fallback still gives a usable folder
        }
    }

    /**
     * The saved settings, or the defaults for whatever is missing or unusable. Never throws;
     * {@link #problem()} tells afterwards whether something had to be dropped.
     */
    public synchronized Settings load() {
        problem = null;
        Settings defaults = Settings.defaults(downloads);
        byte[] bytes;
        try {
            bytes = file.read();
        } catch (NoSuchFileException e) {
            return defaults;
        } catch (IOException e) {
            problem = "The saved settings in " + file.path() + " cannot be read, so the defaults apply.";
            return defaults;
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            problem = "The saved settings could not be read, so the defaults apply" + keepBadCopy();
            return defaults;
        }
        Fields fields = new Fields(root);
        Settings loaded = new Settings(
                fields.read("relayUrl", "relay address", defaults.relayUrl(), SettingsStore::relayUrl),
                fields.read(
                        "trustedCertificate",
                        "trusted certificate",
                        defaults.trustedCertificate(),
                        SettingsStore::certificate),
                fields.read("downloadFolder", "download folder", defaults.downloadFolder(), SettingsStore::folder),
                fields.read("compression", "compression", defaults.compression(), n -> constant(n, Compression.class)),
                fields.read("encrypt", "encryption", defaults.encrypt(), SettingsStore::bool),
                fields.read("chunkSize", "chunk size", defaults.chunkSize(), SettingsStore::chunkSize),
                fields.read(
                        "conflictPolicy",
                        "what to do when a file exists",
                        defaults.conflictPolicy(),
                        n -> constant(n, ConflictPolicy.class)),
                fields.read("theme", "theme", defaults.theme(), n -> constant(n, Theme.class)),
                fields.read("keepAwake", "keep awake", defaults.keepAwake(), SettingsStore::bool));
        if (!fields.rejected.isEmpty()) {
            problem = "Some saved settings were not valid (" + String.join(", ", fields.rejected)
                    + ") and are back to their defaults" + keepBadCopy();
        }
        return loaded;
    }

    /**
     * What the last {@link #load()} had to drop, as one sentence for the user, or empty if the
     * file was fine or missing.
     */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * Saves {@code settings}: writes a temporary file beside the settings file, forces it to the
     * disk and renames it over the old one, creating the folder if needed.
     *
     * @throws UncheckedIOException if it cannot be written; its message is one sentence for the user
     */
    public synchronized void save(Settings settings) {
        try {
            file.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(settings)));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The settings could not be saved to " + file.path() + " (" + reason(e) + ").", e);
        }
    }

    /** The settings file. */
    public Path file() {
        return file.path();
    }

    /** The default download folder, used when none is saved. */
    public Path defaultDownloads() {
        return downloads;
    }

    private static ObjectNode toJson(Settings s) {
        ObjectNode json = JSON.createObjectNode();
        json.put("relayUrl", s.relayUrl());
        json.put("trustedCertificate", s.trustedCertificate());
        json.put("downloadFolder", s.downloadFolder().toString());
        json.put("compression", s.compression().name());
        json.put("encrypt", s.encrypt());
        json.put("chunkSize", s.chunkSize());
        json.put("conflictPolicy", s.conflictPolicy().name());
        json.put("theme", s.theme().name());
        json.put("keepAwake", s.keepAwake());
        return json;
    }

    /** Copies the current file aside; returns the end of the sentence that says where it went. */
    private String keepBadCopy() {
        return file.keepBadCopy()
                .map(copy -> "; the old file is kept as " + copy + ".")
                .orElse(".");
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way of the folder " + e.getMessage();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String relayUrl(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        String text = node.asText().strip();
        if (text.isEmpty()) {
            return "";
        }
        try {
            RelayAddress.parse(text, "relayUrl");
            return text;
        } catch (TransferException e) {
            return null;
        }
    }

    private static String certificate(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() || folder(node) != null ? text : null;
    }

    private static Path folder(JsonNode node) {
        return node.isTextual() ? AbsolutePaths.parse(node.asText().strip()) : null;
    }

    private static Boolean bool(JsonNode node) {
        return node.isBoolean() ? node.booleanValue() : null;
    }

    private static Integer chunkSize(JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            return null;
        }
        int size = node.intValue();
        return size >= SendOptions.MIN_CHUNK_SIZE && size <= SendOptions.MAX_CHUNK_SIZE ? size : null;
    }

    private static <E extends Enum<E>> E constant(JsonNode node, Class<E> type) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return Enum.valueOf(type, node.asText().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Reads one field after another, noting which ones were present but unusable. */
    private static final class Fields {
        private final JsonNode root;
        private final List<String> rejected = new ArrayList<>();

        Fields(JsonNode root) {
            this.root = root;
        }

        /**
         * @param parse the value, or null if {@code node} is not a usable one
         * @param label how the user calls the setting, for {@link #problem()}
         */
        <T> T read(String name, String label, T fallback, Function<JsonNode, T> parse) {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                return fallback; // absent, e.g. written by an older version: nothing is lost
            }
            T value = parse.apply(node);
            if (value == null) {
                rejected.add(label);
                return fallback;
            }
            return value;
        }
    }
}
