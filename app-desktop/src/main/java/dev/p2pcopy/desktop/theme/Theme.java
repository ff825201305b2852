package dev.p2pcopy.desktop.theme;

import java.util.List;
import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The app's two looks. Each is {@code base.css} (layout and the style classes every screen uses)
 * plus one colour file that defines the looked-up colours {@code base.css} refers to.
 */
public enum Theme {
    /** Dark text on light backgrounds. */
    LIGHT("light.css"),
    /** Light text on dark backgrounds. */
    DARK("dark.css");

    private final String colours;

    Theme(String colours) {
        this.colours = colours;
    }

    /** The stylesheets of this theme, in the order they apply. */
    public List<String> stylesheets() {
        return List.of(resource("base.css"), resource(colours));
    }

    /** Replaces the scene's stylesheets with this theme's; takes effect at once. */
    public void applyTo(Scene scene) {
        scene.getStylesheets().setAll(stylesheets());
    }

    /** Replaces a dialog's or popup's stylesheets with this theme's. */
    public void applyTo(Parent root) {
        root.getStylesheets().setAll(stylesheets());
    }

    private static String resource(String name) {
        return Objects.requireNonNull(Theme.class.getResource(name), name).toExternalForm();
    }
}
