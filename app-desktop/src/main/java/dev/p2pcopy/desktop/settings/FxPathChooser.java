package dev.p2pcopy.desktop.settings;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The OS's own file and folder dialogs, opened where the current choice is. */
final class FxPathChooser implements PathChooser {

    @Override
    public Optional<Path> certificate(Window owner, Path current) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Certificate to trust");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                "Certificates (*.pem, *.crt, *.cer, *.der)", "*.pem", "*.crt", "*.cer", "*.der"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        if (current != null) {
            startIn(current.getParent()).ifPresent(chooser::setInitialDirectory);
        }
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> folder(Window owner, Path current) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Download folder");
        startIn(current).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    /** A dialog refuses to open in a folder that is gone, so only existing ones are offered. */
    private static Optional<File> startIn(Path folder) {
        return folder != null && Files.isDirectory(folder) ? Optional.of(folder.toFile()) : Optional.empty();
    }
}
