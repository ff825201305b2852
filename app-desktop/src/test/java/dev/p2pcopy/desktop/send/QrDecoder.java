package dev.p2pcopy.desktop.send;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.p2pcopy.desktop.testing.Png;
import javafx.scene.image.Image;

/** Reads a QR code back from pixels, as a phone's camera would. */
final class QrDecoder {
    private QrDecoder() {}

    /** The text of the QR code in {@code image}; throws if there is none to read. */
    static String decode(Image image) throws Exception {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        RGBLuminanceSource pixels = new RGBLuminanceSource(width, height, Png.argb(image));
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(pixels)))
                .getText();
    }
}
