package dev.p2pcopy.desktop.send;

import java.io.File;
import java.util.List;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for files or a folder; the system's dialogs, or a stand-in in tests. */
interface FileDialogs {
    /** The system's own file and folder dialogs. */
    FileDialogs SYSTEM = new FileDialogs() {
        @Override
        public List<File> chooseFiles(Window owner, File initialFolder) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose files to send");
            chooser.setInitialDirectory(initialFolder);
            List<File> files = chooser.showOpenMultipleDialog(owner);
            return files == null ? List.of() : files;
        }

        @Override
        public File chooseFolder(Window owner, File initialFolder) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose a folder to send");
            chooser.setInitialDirectory(initialFolder);
            return chooser.showDialog(owner);
        }
    };

    /**
     * The files the user picked, empty if they cancelled.
     *
     * @param initialFolder where the dialog opens, or null for the system's choice
     */
    List<File> chooseFiles(Window owner, File initialFolder);

    /**
     * The folder the user picked, or null if they cancelled.
     *
     * @param initialFolder where the dialog opens, or null for the system's choice
     */
    File chooseFolder(Window owner, File initialFolder);
}
