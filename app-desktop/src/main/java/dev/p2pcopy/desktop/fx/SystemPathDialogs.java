package dev.p2pcopy.desktop.fx;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The system's own dialogs, each opened in a folder that still exists. */
final class SystemPathDialogs implements PathDialogs {

    @Override
    public List<Path> files(Window owner, String title, Path startIn) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        startFolder(startIn).ifPresent(chooser::setInitialDirectory);
        List<File> files = chooser.showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> folder(Window owner, String title, Path startIn) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        startFolder(startIn).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> certificate(Window owner, String title, Path startIn) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                "Certificates (*.pem, *.crt, *.cer, *.der)", "*.pem", "*.crt", "*.cer", "*.der"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        startFolder(startIn).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    /**
     * The nearest existing folder at or above {@code startIn}, or empty if there is none: a dialog
     * told to open in a folder that is gone throws on some platforms.
     */
    static Optional<File> startFolder(Path startIn) {
        for (Path at = startIn; at != null; at = at.getParent()) {
            if (Files.isDirectory(at)) {
                return Optional.of(at.toFile());
            }
        }
        return Optional.empty();
    }
}
