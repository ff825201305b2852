package dev.p2pcopy.desktop.fx;

import javafx.scene.Parent;

/**
 * The view role of a screen: it lays out controls and binds them to the screen's model, and
 * holds no logic of its own. Its controller reacts to the user and talks to the engine.
 */
public interface View {

    /** The screen's root node. */
    Parent root();
}
