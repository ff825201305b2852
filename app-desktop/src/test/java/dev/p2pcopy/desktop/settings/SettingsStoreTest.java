package dev.p2pcopy.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dirs.ProjectDirectories;
import dev.p2pcopy.desktop.testing.TestFiles;
import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.protocol.Compression;
import dev.p2pcopy.protocol.ConflictPolicy;
import dev.p2pcopy.protocol.SendOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsStoreTest {
    @TempDir
    Path home;

    private Path downloads;
    private Path file;
    private SettingsStore store;

    @BeforeEach
    void setUp() throws IOException {
        downloads = Files.createDirectories(home.resolve("Downloads"));
        file = home.resolve("config").resolve("p2p-copy").resolve(SettingsStore.FILE_NAME);
        store = new SettingsStore(file, downloads);
    }

    private static Settings everythingChanged(Path folder) {
        return new Settings(
                "wss://relay.example:9443",
                folder.resolve("relay.pem").toString(),
                folder,
                Compression.ZSTD,
                false,
                4 * 1024 * 1024,
                ConflictPolicy.SKIP,
                Theme.DARK,
                false);
    }

    private Path bad() {
        return file.resolveSibling(SettingsStore.FILE_NAME + SettingsStore.BAD_SUFFIX);
    }

    @Test
    void aMissingFileGivesTheDefaultsAndCreatesNothing() {
        assertThat(store.load()).isEqualTo(Settings.defaults(downloads));
        assertThat(store.problem()).isEmpty();
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void whatIsSavedIsLoadedByAnotherStoreOnTheSameFile() {
        Settings changed = everythingChanged(home.resolve("elsewhere"));
        store.save(changed);

        SettingsStore again = new SettingsStore(file, downloads);
        assertThat(again.load()).isEqualTo(changed);
        assertThat(again.problem()).isEmpty();
        assertThat(bad()).doesNotExist();
    }

    @Test
    void savingCreatesTheFoldersAndLeavesNoTemporaryFiles() throws IOException {
        for (int i = 0; i < 3; i++) {
            store.save(Settings.defaults(downloads));
            store.save(everythingChanged(home));
        }
        assertThat(TestFiles.listing(file.getParent())).containsExactly(SettingsStore.FILE_NAME);
        assertThat(Files.readString(file)).contains("\"theme\" : \"DARK\"").contains("\"chunkSize\" : 4194304");
    }

    @Test
    void aFailedSaveKeepsWhatIsInTheWayAndLeavesNoTemporaryFile() throws IOException {
        // A folder where the file should be: the final rename fails after the temporary file was written.
        Files.createDirectories(file.resolve("child"));

        assertThatThrownBy(() -> store.save(Settings.defaults(downloads)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("The settings could not be saved to " + file + " (")
                .hasMessageEndingWith(").");
        assertThat(TestFiles.listing(file.getParent())).containsExactly(SettingsStore.FILE_NAME);
        assertThat(file.resolve("child")).isDirectory();
    }

    @Test
    void aFileWhereTheFolderShouldBeIsReportedInOneSentence() throws IOException {
        Files.createDirectories(file.getParent().getParent());
        Files.writeString(file.getParent(), "in the way");

        assertThatThrownBy(() -> store.save(Settings.defaults(downloads)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("The settings could not be saved to " + file + " (a file is in the way of the folder "
                        + file.getParent() + ").");
    }

    @Test
    void aCorruptFileGivesTheDefaultsAndIsKeptAsACopy() throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"theme\": \"DARK\", \"encrypt\": fal");

        assertThat(store.load()).isEqualTo(Settings.defaults(downloads));
        assertThat(store.problem())
                .hasValue("The saved settings could not be read, so the defaults apply; the old file is kept as "
                        + bad() + ".");
        assertThat(Files.readString(bad())).isEqualTo("{\"theme\": \"DARK\", \"encrypt\": fal");

        store.save(Settings.defaults(downloads)); // the next save replaces the file but not the copy
        assertThat(Files.readString(bad())).isEqualTo("{\"theme\": \"DARK\", \"encrypt\": fal");
        assertThat(new SettingsStore(file, downloads).load()).isEqualTo(Settings.defaults(downloads));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[1, 2]", "\"text\"", "42", "null", "{\"theme\": \"DARK\"} {}"})
    void anythingButOneJsonObjectIsCorrupt(String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);

        assertThat(store.load()).isEqualTo(Settings.defaults(downloads));
        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains("defaults apply"));
        assertThat(Files.readString(bad())).isEqualTo(content);
    }

    @Test
    void invalidFieldsGetTheirDefaultsWhileTheGoodOnesAreKept() throws IOException {
        Files.createDirectories(file.getParent());
        String content = """
                {
                  "relayUrl": "http://relay.example",
                  "trustedCertificate": 17,
                  "downloadFolder": "relative/folder",
                  "compression": "GZIP",
                  "encrypt": "no",
                  "chunkSize": 1000,
                  "conflictPolicy": "overwrite",
                  "theme": "DARK",
                  "keepAwake": false,
                  "somethingNew": {"x": 1}
                }
                """;
        Files.writeString(file, content);

        Settings loaded = store.load();

        Settings defaults = Settings.defaults(downloads);
        assertThat(loaded)
                .isEqualTo(new Settings(
                        defaults.relayUrl(),
                        defaults.trustedCertificate(),
                        defaults.downloadFolder(),
                        defaults.compression(),
                        defaults.encrypt(),
                        defaults.chunkSize(),
                        ConflictPolicy.OVERWRITE,
                        Theme.DARK,
                        false));
        assertThat(store.problem())
                .hasValue("Some saved settings were not valid (relay address, trusted certificate, download folder,"
                        + " compression, encryption, chunk size) and are back to their defaults; the old file is"
                        + " kept as " + bad() + ".");
        assertThat(Files.readString(bad())).isEqualTo(content);
    }

    @Test
    void missingAndUnknownFieldsAreNoProblem() throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"theme\": \" dark \", \"relayUrl\": null, \"addedLater\": [true]}");

        assertThat(store.load()).isEqualTo(withTheme(Settings.defaults(downloads), Theme.DARK));
        assertThat(store.problem()).isEmpty();
        assertThat(bad()).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(ints = {SendOptions.MIN_CHUNK_SIZE, SendOptions.MAX_CHUNK_SIZE, SendOptions.MIN_CHUNK_SIZE + 1000})
    void chunkSizesWithinTheProtocolsRangeAreKept(int size) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"chunkSize\": " + size + "}");

        assertThat(store.load().chunkSize()).isEqualTo(size);
        assertThat(store.problem()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"65535", "16777217", "1048576.5", "\"1048576\"", "99999999999", "-1048576", "true"})
    void chunkSizesOutsideTheRangeOrNotWholeNumbersAreRefused(String size) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"chunkSize\": " + size + ", \"theme\": \"DARK\"}");

        Settings loaded = store.load();

        assertThat(loaded.chunkSize()).isEqualTo(SendOptions.DEFAULT_CHUNK_SIZE);
        assertThat(loaded.theme()).isEqualTo(Theme.DARK);
        assertThat(store.problem()).hasValueSatisfying(p -> assertThat(p).contains("(chunk size)"));
    }

    @Test
    void aFileThatCannotBeReadGivesTheDefaults() throws IOException {
        Files.createDirectories(file); // a folder: reading it as a file fails

        assertThat(store.load()).isEqualTo(Settings.defaults(downloads));
        assertThat(store.problem())
                .hasValue("The saved settings in " + file + " cannot be read, so the defaults apply.");
    }

    @Test
    void aSuccessfulLoadClearsTheProblemOfTheLastOne() throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{");
        store.load();
        store.save(Settings.defaults(downloads));

        store.load();

        assertThat(store.problem()).isEmpty();
    }

    @Test
    void theStandardStoreLivesInTheOsConfigFolder() {
        SettingsStore standard = SettingsStore.standard();

        Path config = Path.of(ProjectDirectories.from("dev", "p2pcopy", "p2p-copy").configDir);
        assertThat(standard.file()).isEqualTo(config.resolve("settings.json"));
        assertThat(standard.file().startsWith(config)).isTrue();
        assertThat(standard.file().toString()).contains("p2p-copy");
        assertThat(standard.defaultDownloads()).isDirectory();
    }

    @Test
    void theDefaultDownloadFolderIsTheOsOneIfItExists() throws IOException {
        Path osFolder = Files.createDirectories(home.resolve("Téléchargements"));

        assertThat(SettingsStore.defaultDownloads(osFolder.toString(), home)).isEqualTo(osFolder);
        assertThat(SettingsStore.defaultDownloads(home.resolve("gone").toString(), home))
                .isEqualTo(downloads);
        assertThat(SettingsStore.defaultDownloads(null, home)).isEqualTo(downloads);
        assertThat(SettingsStore.defaultDownloads("  ", home)).isEqualTo(downloads);
        assertThat(SettingsStore.defaultDownloads("bad\0path", home)).isEqualTo(downloads);
    }

    @Test
    void withoutADownloadsFolderTheHomeFolderIsTheDefault() throws IOException {
        Path bare = Files.createDirectories(home.resolve("bare-home"));

        assertThat(SettingsStore.defaultDownloads(null, bare)).isEqualTo(bare);
    }

    private static Settings withTheme(Settings s, Theme theme) {
        return new Settings(
                s.relayUrl(),
                s.trustedCertificate(),
                s.downloadFolder(),
                s.compression(),
                s.encrypt(),
                s.chunkSize(),
                s.conflictPolicy(),
                theme,
                s.keepAwake());
    }
}
