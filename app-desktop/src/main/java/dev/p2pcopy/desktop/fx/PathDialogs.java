package dev.p2pcopy.desktop.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Asks the user for files or a folder. The app uses the system's own dialogs ({@link #system()});
 * tests answer without a dialog, which a headless display cannot show.
 *
 * <p>{@code startIn} is where a dialog opens: a folder, or a file whose folder is meant. The
 * system's dialogs open in the nearest folder at or above it that still exists, or where the
 * system likes if there is none or it is null.
 */
public interface PathDialogs {

    /** The system's own file and folder dialogs. */
    static PathDialogs system() {
        return new SystemPathDialogs();
    }

    /**
     * Asks for one or more files.
     *
     * @param owner the window the dialog belongs to, or null
     * @param title the dialog's title
     * @param startIn where the dialog opens, or null
     * @return the chosen files, empty if the user cancelled
     */
    List<Path> files(Window owner, String title, Path startIn);

    /**
     * Asks for a folder.
     *
     * @param owner the window the dialog belongs to, or null
     * @param title the dialog's title
     * @param startIn where the dialog opens, or null
     * @return the chosen folder, or empty if the user cancelled
     */
    Optional<Path> folder(Window owner, String title, Path startIn);

    /**
     * Asks for one certificate file, offering certificate files first.
     *
     * @param owner the window the dialog belongs to, or null
     * @param title the dialog's title
     * @param startIn where the dialog opens, or null
     * @return the chosen file, or empty if the user cancelled
     */
    Optional<Path> certificate(Window owner, String title, Path startIn);
}
