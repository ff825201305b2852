package dev.p2pcopy.desktop.send;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One row of the list of what will be sent: a path and its size, counted in the background. */
public final class SendEntry {
    private final Path path;
    private final ObjectProperty<PathSize> size;

    /** A row for {@code path} (a folder or not), whose size is not known yet. */
    public SendEntry(Path path, boolean folder) {
        this.path = path;
        this.size = new SimpleObjectProperty<>(PathSize.counting(folder));
    }

    /** The chosen file or folder, absolute. */
    public Path path() {
        return path;
    }

    /** The name shown in the list. */
    public String name() {
        return String.valueOf(path.getFileName());
    }

    /** The size as counted so far; {@link PathSize#complete()} once counting has finished. */
    public ObjectProperty<PathSize> sizeProperty() {
        return size;
    }
}
