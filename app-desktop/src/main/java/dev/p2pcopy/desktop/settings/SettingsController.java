package dev.p2pcopy.desktop.settings;

import dev.p2pcopy.desktop.app.AppContext;
import dev.p2pcopy.desktop.fx.PathDialogs;
import dev.p2pcopy.desktop.fx.View;
import dev.p2pcopy.desktop.relay.RelayAddress;
import dev.p2pcopy.desktop.storage.LatestWins;
import dev.p2pcopy.protocol.TransferException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The Settings screen's controller: checks what the user enters before it reaches the shared
 * {@link SettingsModel}, and saves the model after every change, off the FX thread. Every other
 * screen reads the same model, so a change applies at once.
 */
public final class SettingsController {
    private final SettingsModel settings;
    private final SettingsStatus status = new SettingsStatus();
    private final PathDialogs dialogs;
    private final SettingsStore store;
    // Its thread is not a daemon: a save that has started still finishes when the app quits.
    private final LatestWins<Settings> saver = new LatestWins<>("p2p-copy-settings-writer", this::save);
    private final SettingsView view;

    /** The controller of the screen, sharing {@code context}'s settings and store. */
    public SettingsController(AppContext context) {
        this(context, PathDialogs.system());
    }

    /** As {@link #SettingsController(AppContext)}, asking for files and folders through {@code dialogs}. */
    SettingsController(AppContext context, PathDialogs dialogs) {
        this.settings = context.settings();
        this.dialogs = dialogs;
        context.store().problem().ifPresent(status.loadProblemProperty()::set);
        this.store = context.store();
        this.view = new SettingsView(settings, status);
        view.onRelayCommit(this::commitRelay);
        view.onRelayCancel(() -> status.relayErrorProperty().set(""));
        view.onChooseCertificate(this::chooseCertificate);
        view.onClearCertificate(this::clearCertificate);
        view.onChooseDownloads(this::chooseDownloads);
        saveOnEveryChange();
    }

    /** The screen. */
    public View view() {
        return view;
    }

    private void commitRelay(String text) {
        String address = text.strip();
        if (!address.isEmpty()) {
            try {
                RelayAddress.parse(address, "The relay address");
            } catch (TransferException e) {
                status.relayErrorProperty()
                        .set("'" + address + "' is not a relay address: use ws://HOST:PORT or wss://HOST, or leave"
                                + " the field empty for the default relay.");
                return;
            }
        }
        status.relayErrorProperty().set("");
        settings.relayUrlProperty().set(address);
    }

    private void chooseCertificate() {
        String current = settings.trustedCertificateProperty().get();
        dialogs.certificate(view.window(), "Certificate to trust", current.isEmpty() ? null : Path.of(current))
                .ifPresent(file -> {
                    // A certificate file is a few kilobytes: reading it here does not stall the screen.
                    Optional<String> problem = CertificateCheck.problem(file);
                    status.certificateErrorProperty().set(problem.orElse(""));
                    if (problem.isEmpty()) {
                        settings.trustedCertificateProperty()
                                .set(file.toAbsolutePath().toString());
                    }
                });
    }

    private void clearCertificate() {
        status.certificateErrorProperty().set("");
        settings.trustedCertificateProperty().set("");
    }

    private void chooseDownloads() {
        dialogs.folder(
                        view.window(),
                        "Download folder",
                        settings.downloadFolderProperty().get())
                .ifPresent(folder -> settings.downloadFolderProperty().set(folder.toAbsolutePath()));
    }

    /** Saves on the writer thread; a burst of changes costs at most two saves. */
    private void save(Settings snapshot) {
        String error;
        try {
            store.save(snapshot);
            error = "";
        } catch (UncheckedIOException e) {
            error = e.getMessage();
        }
        String result = error;
        Platform.runLater(() -> status.saveErrorProperty().set(result));
    }

    private void saveOnEveryChange() {
        ChangeListener<Object> save = (obs, old, now) -> saver.submit(settings.snapshot());
        List<ObservableValue<?>> all = List.of(
                settings.relayUrlProperty(),
                settings.trustedCertificateProperty(),
                settings.downloadFolderProperty(),
                settings.compressionProperty(),
                settings.encryptProperty(),
                settings.chunkSizeProperty(),
                settings.conflictPolicyProperty(),
                settings.themeProperty(),
                settings.keepAwakeProperty());
        all.forEach(property -> property.addListener(save));
    }
}
