package dev.p2pcopy.desktop.settings;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Asks the user for a file or folder. The app uses the OS's own dialogs ({@link FxPathChooser});
 * tests answer without a dialog, which a headless display cannot show.
 */
interface PathChooser {

    /**
     * Asks for a certificate file to trust.
     *
     * @param owner the window the dialog belongs to
     * @param current the file chosen now, or null
     * @return the chosen file, or empty if the user cancelled
     */
    Optional<Path> certificate(Window owner, Path current);

    /**
     * Asks for the download folder.
     *
     * @param owner the window the dialog belongs to
     * @param current the folder chosen now
     * @return the chosen folder, or empty if the user cancelled
     */
    Optional<Path> folder(Window owner, Path current);
}
