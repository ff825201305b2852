package dev.p2pcopy.desktop.settings;

import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.protocol.Compression;
import dev.p2pcopy.protocol.ConflictPolicy;
import dev.p2pcopy.protocol.SendOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The desktop app's settings as plain values: what {@link SettingsModel} holds and what is saved.
 *
 * @param relayUrl the relay's address, or empty for the embedded default relay
 * @param trustedCertificate a PEM certificate to trust for a self-signed {@code wss://} relay, or empty
 * @param downloadFolder where received files go
 * @param compression compression mode of sent files
 * @param encrypt whether file data is encrypted end to end
 * @param chunkSize bytes of file data per frame
 * @param conflictPolicy what the receiver does when a name is taken
 * @param theme light or dark
 * @param keepAwake whether the computer is kept awake while a transfer runs
 */
public record Settings(
        String relayUrl,
        String trustedCertificate,
        Path downloadFolder,
        Compression compression,
        boolean encrypt,
        int chunkSize,
        ConflictPolicy conflictPolicy,
        Theme theme,
        boolean keepAwake) {

    /** Checks that nothing is missing. */
    public Settings {
        Objects.requireNonNull(relayUrl, "relayUrl");
        Objects.requireNonNull(trustedCertificate, "trustedCertificate");
        Objects.requireNonNull(downloadFolder, "downloadFolder");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(conflictPolicy, "conflictPolicy");
        Objects.requireNonNull(theme, "theme");
    }

    /** The defaults: embedded relay, encryption on, automatic compression, 1 MiB chunks, keep awake. */
    public static Settings defaults(Path downloadFolder) {
        return new Settings(
                "",
                "",
                downloadFolder,
                Compression.AUTO,
                true,
                SendOptions.DEFAULT_CHUNK_SIZE,
                ConflictPolicy.RENAME,
                Theme.LIGHT,
                true);
    }
}
