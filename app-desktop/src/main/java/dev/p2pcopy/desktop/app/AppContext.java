package dev.p2pcopy.desktop.app;

import dev.p2pcopy.desktop.nodes.LocalStats;
import dev.p2pcopy.desktop.relay.DefaultRelay;
import dev.p2pcopy.desktop.relay.RelayPicker;
import dev.p2pcopy.desktop.settings.SettingsModel;
import dev.p2pcopy.desktop.settings.SettingsStore;
import dev.p2pcopy.desktop.system.KeepAwake;
import dev.p2pcopy.desktop.system.Notifier;
import dev.p2pcopy.desktop.transfers.TransferHistory;
import dev.p2pcopy.desktop.transfers.TransferService;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the screens share: the settings, the transfers, this computer's figures and which
 * screen shows. Every controller gets it; tests build one with their own store and relay.
 */
public final class AppContext implements AutoCloseable {
    private final SettingsModel settings;
    private final SettingsStore store;
    private final LocalStats localStats;
    private final TransferService transfers;
    private final DefaultRelay relays;
    private final ObjectProperty<Path> diskFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.SEND);

    /**
     * @param store where the settings are loaded from and saved to; the interrupted transfers are
     *     kept beside them
     * @param relays the relay policy for an empty relay setting
     * @param keepAwake how to keep the computer awake during transfers
     * @param notifier where finished transfers are announced
     */
    public AppContext(SettingsStore store, DefaultRelay relays, KeepAwake keepAwake, Notifier notifier) {
        this.store = store;
        this.relays = relays;
        this.settings = new SettingsModel(store.load());
        // The sampler runs on its own thread: give it a copy of the folder, not the FX properties.
        AtomicReference<Path> sampledFolder =
                new AtomicReference<>(settings.downloadFolderProperty().get());
        this.localStats = new LocalStats(sampledFolder::get);
        this.transfers = new TransferService(
                settings,
                new RelayPicker(relays),
                localStats,
                keepAwake,
                notifier,
                TransferHistory.beside(store.file()));
        DiskFolder.follow(settings, transfers, folder -> {
            sampledFolder.set(folder);
            diskFolder.set(folder);
        });
    }

    /** The relay policy for an empty relay setting (what the Nodes screen watches then). */
    public DefaultRelay relayPolicy() {
        return relays;
    }

    /** The folder whose disk's free space this computer reports (see {@link DiskFolder}). */
    public ReadOnlyObjectProperty<Path> diskFolderProperty() {
        return diskFolder;
    }

    /** The settings, live. */
    public SettingsModel settings() {
        return settings;
    }

    /** Where the settings are saved. */
    public SettingsStore store() {
        return store;
    }

    /** This computer's figures (also sent to the peer). */
    public LocalStats localStats() {
        return localStats;
    }

    /** Starts and lists transfers. */
    public TransferService transfers() {
        return transfers;
    }

    /** The screen on show; set it to switch screens. */
    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    /**
     * Cancels running transfers (keeping them as interrupted, to resume after the next start),
     * stops the embedded relay and the sampler.
     */
    @Override
    public void close() {
        transfers.close();
        localStats.close();
    }
}
