package dev.p2pcopy.desktop.app;

import dev.p2pcopy.desktop.settings.SettingsModel;
import dev.p2pcopy.desktop.transfers.TransferItem;
import dev.p2pcopy.desktop.transfers.TransferService;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;

/**
 * Which folder's free space this computer reports: where the running transfer reads from (a
 * sender) or writes to (a receiver, which may have chosen another folder than the setting), and
 * the download folder while nothing runs.
 */
final class DiskFolder {
    private DiskFolder() {}

    /** Tells {@code target} the folder now and whenever the answer may change. */
    static void follow(SettingsModel settings, TransferService transfers, Consumer<Path> target) {
        InvalidationListener update = obs -> target.accept(current(settings, transfers));
        settings.downloadFolderProperty().addListener(update);
        transfers.items().addListener((ListChangeListener<TransferItem>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(i -> i.stateProperty().addListener(update));
            }
            update.invalidated(null);
        });
        transfers.items().forEach(i -> i.stateProperty().addListener(update));
        update.invalidated(null);
    }

    static Path current(SettingsModel settings, TransferService transfers) {
        return transfers.items().stream()
                .filter(i -> !i.stateProperty().get().isTerminal())
                .map(TransferItem::folder)
                .findFirst()
                .orElse(settings.downloadFolderProperty().get());
    }
}
