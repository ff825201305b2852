package dev.p2pcopy.desktop.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import org.testfx.util.WaitForAsyncUtils;

/** Reading the scene graph from a test thread: JavaFX wants it read on its own thread. */
public final class Fx {
    private static final long TIMEOUT_SECONDS = 10;

    private Fx() {}

    /** Runs {@code read} on the FX thread and returns its answer; fails after ten seconds. */
    public static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Whether {@code node} is in a scene and it and all its parents are visible. */
    public static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
