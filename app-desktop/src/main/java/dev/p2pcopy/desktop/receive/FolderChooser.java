package dev.p2pcopy.desktop.receive;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Asks the user for a folder. The app uses the system's dialog; tests answer themselves. */
@FunctionalInterface
interface FolderChooser {

    /**
     * @param owner the window the question belongs to, or null
     * @param initial where the question starts, or null
     * @return the chosen folder, or null if the user cancelled
     */
    Path choose(Window owner, Path initial);

    /** The operating system's folder dialog. */
    static FolderChooser system() {
        return (owner, initial) -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Save received files in");
            if (initial != null && Files.isDirectory(initial)) {
                chooser.setInitialDirectory(initial.toFile());
            }
            File chosen = chooser.showDialog(owner);
            return chosen == null ? null : chosen.toPath();
        };
    }
}
