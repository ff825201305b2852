package dev.p2pcopy.desktop.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.desktop.testing.Png;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;

/** The QR image: whole pixels per module, a white quiet zone, only black and white, and readable. */
class QrCodeTest {
    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;

    @Test
    void aCodeBecomesASharpReadableSymbolWithAQuietZone() throws Exception {
        String code = "4821-river-orbit-lamp";
        WritableImage image = QrCode.image(code, 3);
        int side = (int) image.getWidth();
        assertThat(image.getHeight()).isEqualTo(side);
        // 21 bytes need version 2 at level M: 25 modules, plus 4 modules of quiet zone each side.
        assertThat(side).isEqualTo((25 + 2 * QrCode.QUIET_ZONE) * 3);

        int[] argb = Png.argb(image);
        Set<Integer> colours = Arrays.stream(argb).boxed().collect(Collectors.toSet());
        assertThat(colours).containsExactlyInAnyOrder(BLACK, WHITE);
        int quiet = QrCode.QUIET_ZONE * 3;
        for (int i = 0; i < side; i++) {
            for (int q = 0; q < quiet; q++) {
                assertThat(argb[q * side + i]).as("top quiet zone").isEqualTo(WHITE);
                assertThat(argb[i * side + q]).as("left quiet zone").isEqualTo(WHITE);
                assertThat(argb[(side - 1 - q) * side + i])
                        .as("bottom quiet zone")
                        .isEqualTo(WHITE);
                assertThat(argb[i * side + side - 1 - q]).as("right quiet zone").isEqualTo(WHITE);
            }
        }
        // The finder pattern's corner module starts right after the quiet zone, 3 pixels square.
        for (int dy = 0; dy < 3; dy++) {
            for (int dx = 0; dx < 3; dx++) {
                assertThat(argb[(quiet + dy) * side + quiet + dx]).isEqualTo(BLACK);
            }
        }

        assertThat(QrDecoder.decode(image)).isEqualTo(code);
    }

    @Test
    void nothingOrTooMuchIsRefused() {
        assertThatThrownBy(() -> QrCode.image("", 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCode.image("x".repeat(5000), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The text is too long for a QR code.");
        assertThatThrownBy(() -> QrCode.image("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
