package dev.p2pcopy.desktop.testing;

import dev.p2pcopy.desktop.fx.PathDialogs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Stands in for the system's dialogs, which a headless display cannot show: every question fails
 * the test, so a test overrides the ones it expects and answers them itself.
 */
public class NoDialogs implements PathDialogs {

    @Override
    public List<Path> files(Window owner, String title, Path startIn) {
        throw new AssertionError("Unexpected dialog: " + title);
    }

    @Override
    public Optional<Path> folder(Window owner, String title, Path startIn) {
        throw new AssertionError("Unexpected dialog: " + title);
    }

    @Override
    public Optional<Path> certificate(Window owner, String title, Path startIn) {
        throw new AssertionError("Unexpected dialog: " + title);
    }
}
