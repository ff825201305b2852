package dev.p2pcopy.desktop.send;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/**
 * Draws a QR code as an image: whole pixels per module and a white quiet zone, black on white
 * whatever the theme, so that phone cameras read it off any screen. Show it with smoothing off
 * so that scaling keeps the edges sharp.
 */
public final class QrCode {
    /** Modules of white around the symbol, as the QR standard asks. */
    public static final int QUIET_ZONE = 4;

    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;

    private QrCode() {}

    /**
     * The QR code of {@code text} with each module {@code moduleSize} pixels wide.
     *
     * @throws IllegalArgumentException if {@code text} is empty or too long for a QR code
     */
    public static WritableImage image(String text, int moduleSize) {
        if (moduleSize < 1) {
            throw new IllegalArgumentException("A module needs at least one pixel.");
        }
        BitMatrix modules = modules(text);
        int side = (modules.getWidth() + 2 * QUIET_ZONE) * moduleSize;
        WritableImage image = new WritableImage(side, side);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            int my = y / moduleSize - QUIET_ZONE;
            for (int x = 0; x < side; x++) {
                int mx = x / moduleSize - QUIET_ZONE;
                boolean dark = mx >= 0
                        && my >= 0
                        && mx < modules.getWidth()
                        && my < modules.getHeight()
                        && modules.get(mx, my);
                pixels.setArgb(x, y, dark ? BLACK : WHITE);
            }
        }
        return image;
    }

    /** One bit per module, without a quiet zone (that is drawn by {@link #image}). */
    private static BitMatrix modules(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("A QR code needs some text.");
        }
        try {
            // Width and height 0 with margin 0: the writer returns exactly one bit per module.
            return new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("The text is too long for a QR code.", e);
        }
    }
}
