package dev.p2pcopy.desktop.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * Renders scenes and nodes to PNG files (headless too), without javafx-swing, so that a person can
 * look at a screen. The rendering methods must be called on the FX thread.
 */
public final class Png {
    /**
     * The system property naming the folder that the screens' tests write their pictures to
     * ({@code -Dscreens.dir=DIR}); without it they write none, or only to a temporary folder.
     */
    public static final String DIR_PROPERTY = "screens.dir";

    private Png() {}

    /** The folder of {@value #DIR_PROPERTY}, or empty when no pictures are wanted. */
    public static Optional<Path> dir() {
        String dir = System.getProperty(DIR_PROPERTY, "");
        return dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /** Writes {@code scene} at {@code scale} (2 = how it looks at 200 % display scaling). */
    public static void write(Scene scene, double scale, Path file) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        write(scene.getRoot().snapshot(parameters, null), file);
    }

    /** Writes {@code scene} as it shows now, its fill included, at its own size. */
    public static void write(Scene scene, Path file) {
        write(scene.snapshot(null), file);
    }

    /** Writes {@code node} as it looks now, scrolled-away parts included; returns the picture. */
    public static WritableImage write(Node node, Path file) {
        WritableImage image = node.snapshot(null, null);
        write(image, file);
        return image;
    }

    /** Writes an image, creating its folder if need be. */
    public static void write(Image image, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(toBufferedImage(image), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage toBufferedImage(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, width, height, argb(image), 0, width);
        return out;
    }

    /** The image's pixels as ARGB, row after row. */
    public static int[] argb(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return pixels;
    }
}
