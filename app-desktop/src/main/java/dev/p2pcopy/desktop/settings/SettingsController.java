package dev.p2pcopy.desktop.settings;

import dev.p2pcopy.desktop.app.AppContext;
import dev.p2pcopy.desktop.fx.View;
import dev.p2pcopy.desktop.relay.RelayAddress;
import dev.p2pcopy.protocol.TransferException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
    private final PathChooser chooser;
    private final SettingsSaver saver;
    private final SettingsView view;

    /** The controller of the screen, sharing {@code context}'s settings and store. */
    public SettingsController(AppContext context) {
        this(context, new FxPathChooser());
    }

    /** As {@link #SettingsController(AppContext)}, asking for files and folders through {@code chooser}. */
    SettingsController(AppContext context, PathChooser chooser) {
        this.settings = context.settings();
        this.chooser = chooser;
        context.store().problem().ifPresent(status.loadProblemProperty()::set);
        this.saver = new SettingsSaver(context.store(), status.saveErrorProperty()::set);
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
        chooser.certificate(view.window(), current.isEmpty() ? null : Path.of(current))
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
        chooser.folder(view.window(), settings.downloadFolderProperty().get())
                .ifPresent(folder -> settings.downloadFolderProperty().set(folder.toAbsolutePath()));
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
