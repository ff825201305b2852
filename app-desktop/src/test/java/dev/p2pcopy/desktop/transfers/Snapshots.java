package dev.p2pcopy.desktop.transfers;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Renders a node to a PNG (without javafx-swing), so that a person can look at the screen. */
final class Snapshots {
    private Snapshots() {}

    /**
     * The folder pictures go to: the system property {@code p2pcopy.snapshots} if set, else
     * {@code fallback}.
     */
    static Path folder(Path fallback) throws IOException {
        String configured = System.getProperty("p2pcopy.snapshots", "");
        return Files.createDirectories(configured.isBlank() ? fallback : Path.of(configured));
    }

    /** Writes the node as it looks now to {@code file}; call on the FX thread. Returns the image. */
    static BufferedImage write(Node node, Path file) throws IOException {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
        return out;
    }
}
