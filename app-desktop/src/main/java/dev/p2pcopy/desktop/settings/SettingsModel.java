package dev.p2pcopy.desktop.settings;

import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.protocol.Compression;
import dev.p2pcopy.protocol.ConflictPolicy;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings as JavaFX properties: the Settings screen edits them, everything else reads
 * them when it needs them, so a change applies without a restart. Touch only on the FX thread.
 */
public final class SettingsModel {
    private final StringProperty relayUrl = new SimpleStringProperty();
    private final StringProperty trustedCertificate = new SimpleStringProperty();
    private final ObjectProperty<Path> downloadFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<Compression> compression = new SimpleObjectProperty<>();
    private final BooleanProperty encrypt = new SimpleBooleanProperty();
    private final IntegerProperty chunkSize = new SimpleIntegerProperty();
    private final ObjectProperty<ConflictPolicy> conflictPolicy = new SimpleObjectProperty<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final BooleanProperty keepAwake = new SimpleBooleanProperty();

    /** A model holding {@code initial}. */
    public SettingsModel(Settings initial) {
        apply(initial);
    }

    /** The current values. */
    public Settings snapshot() {
        return new Settings(
                relayUrl.get(),
                trustedCertificate.get(),
                downloadFolder.get(),
                compression.get(),
                encrypt.get(),
                chunkSize.get(),
                conflictPolicy.get(),
                theme.get(),
                keepAwake.get());
    }

    /** Sets every property from {@code settings}. */
    public void apply(Settings settings) {
        relayUrl.set(settings.relayUrl());
        trustedCertificate.set(settings.trustedCertificate());
        downloadFolder.set(settings.downloadFolder());
        compression.set(settings.compression());
        encrypt.set(settings.encrypt());
        chunkSize.set(settings.chunkSize());
        conflictPolicy.set(settings.conflictPolicy());
        theme.set(settings.theme());
        keepAwake.set(settings.keepAwake());
    }

    /** The relay's address; empty for the embedded default relay. */
    public StringProperty relayUrlProperty() {
        return relayUrl;
    }

    /** A PEM certificate to trust for a self-signed relay; empty for none. */
    public StringProperty trustedCertificateProperty() {
        return trustedCertificate;
    }

    /** Where received files go by default. */
    public ObjectProperty<Path> downloadFolderProperty() {
        return downloadFolder;
    }

    /** Compression of sent files. */
    public ObjectProperty<Compression> compressionProperty() {
        return compression;
    }

    /** Whether file data is encrypted end to end. */
    public BooleanProperty encryptProperty() {
        return encrypt;
    }

    /** Bytes of file data per frame. */
    public IntegerProperty chunkSizeProperty() {
        return chunkSize;
    }

    /** What the receiver does when a name is taken. */
    public ObjectProperty<ConflictPolicy> conflictPolicyProperty() {
        return conflictPolicy;
    }

    /** Light or dark. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Whether the computer is kept awake while a transfer runs. */
    public BooleanProperty keepAwakeProperty() {
        return keepAwake;
    }
}
