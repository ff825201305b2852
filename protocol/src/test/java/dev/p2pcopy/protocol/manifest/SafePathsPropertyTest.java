package dev.p2pcopy.protocol.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.fuzz.Fuzz;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random manifest paths, built from the pieces attacks are made of, against the rules of {@link
 * SafePaths}: whatever the input, a path is either refused with an {@link UnsafePathException} or
 * lands inside the target directory, also when a file system reads it generously. See {@link
 * Fuzz} for other seeds and more cases.
 */
@Timeout(60)
class SafePathsPropertyTest {
    private static final Path TARGET = Path.of("/srv/p2p-copy/target").toAbsolutePath();

    /** Pieces of hostile paths: traversal, separators, devices, look-alikes, invisible characters. */
    private static final String[] PIECES = {
        "a",
        "photos",
        "b.txt",
        "Caf\u00e9",
        "cafe\u0301",
        "\u65e5\u672c",
        "\uD83D\uDE00",
        "x y",
        ".hidden",
        "...",
        "..",
        ".",
        "/",
        "//",
        "\\",
        "\\\\server\\share",
        "C:",
        "c:\\",
        ":",
        "::$DATA",
        "\u0000",
        "\n",
        "\u001f",
        "\u007f",
        "\u0085",
        "\u009b",
        "CON",
        "con.txt",
        "Nul",
        "COM1",
        "LPT9.log",
        "COM\u00b9",
        "lpt\u00b3",
        "CONIN$",
        "aux .x",
        ".",
        " ",
        "\u2215",
        "\u2044",
        "\uFF0F",
        "\uFF3C",
        "\u29F8",
        "\uFE68",
        "\u2024",
        "\u2025",
        "\uFF0E",
        "\uFE52",
        "\u2026",
        "\u202E",
        "\u202A",
        "\u2066",
        "\u2069",
        "\u200B",
        "\u200D",
        "\u200F",
        "\uFEFF",
        "\u2028",
        "\uD800",
        "\uDFFF",
        "<",
        ">",
        "\"",
        "|",
        "?",
        "*",
        "%2e%2e",
        "%2f",
        "~1",
        "\u0130",
        "\u0131",
        "\u00df",
        "\u212A",
        "\u00a0",
        "\u3000"
    };

    @Test
    void anAcceptedPathStaysInsideTheTargetDirectory() {
        AtomicInteger accepted = new AtomicInteger();
        Fuzz.run("safe-paths", 12_000, (random, i) -> {
            String path = randomPath(random);
            String checked;
            try {
                checked = SafePaths.check(path);
            } catch (UnsafePathException e) {
                assertThat(e.path()).isEqualTo(path);
                assertThat(e.getMessage()).startsWith("The path ").endsWith(".");
                assertThat(e.getMessage().chars())
                        .noneMatch(c -> Character.isISOControl(c) || SafePaths.isInvisible(c));
                return;
            }
            accepted.incrementAndGet();
            assertThat(checked).isSameAs(path);
            Path resolved = TARGET.resolve(path).normalize();
            assertThat(resolved.startsWith(TARGET) && !resolved.equals(TARGET))
                    .as("%s resolves to %s", path, resolved)
                    .isTrue();
            assertThat(SafePaths.resolve(TARGET, path)).isEqualTo(resolved);
            assertNoTraversalWhenReadGenerously(path);
            assertThat(SafePaths.check(Normalizer.normalize(path, Normalizer.Form.NFC)))
                    .as("the NFC form of an accepted path is accepted too")
                    .isNotNull();
        });
        // The generator must reach both outcomes, or the property proves little.
        if (!Fuzz.replaying()) {
            assertThat(accepted.get()).isBetween(Fuzz.cases(12_000) / 20, Fuzz.cases(12_000) * 19 / 20);
        }
    }

    @Test
    void twoSpellingsOfOneNameAlwaysCollide() {
        Fuzz.run("safe-paths-collisions", 5_000, (random, i) -> {
            String path = randomPath(random);
            if (!accepts(path)) {
                return;
            }
            String other = respell(random, path);
            if (other.equals(path) || !accepts(other)) {
                return;
            }
            List<String> both = new ArrayList<>(List.of(path, other));
            if (random.nextBoolean()) {
                both = List.of(other, path);
            }
            List<String> paths = both;
            assertThatThrownBy(() -> SafePaths.checkNoCaseCollisions(paths))
                    .isInstanceOf(UnsafePathException.class)
                    .hasMessageContaining("names the same file as");
        });
    }

    /**
     * A receiver that maps compatibility characters to ASCII (NFKC, "best fit" code pages) or
     * treats backslashes and slash look-alikes as separators still sees no traversal.
     */
    private static void assertNoTraversalWhenReadGenerously(String path) {
        String generous =
                Normalizer.normalize(path, Normalizer.Form.NFKC).replaceAll("[\u2044\u2215\u2216\u29F8\u29F9]", "/");
        for (String segment : generous.split("[/\\\\]", -1)) {
            assertThat(segment).as("a segment of %s read generously", path).isNotIn("", ".", "..");
        }
    }

    private static boolean accepts(String path) {
        try {
            SafePaths.check(path);
            return true;
        } catch (UnsafePathException e) {
            return false;
        }
    }

    /** The same name in other letter case or Unicode normalisation. */
    private static String respell(Random random, String path) {
        return switch (random.nextInt(4)) {
            case 0 -> path.toUpperCase(Locale.ROOT);
            case 1 -> path.toLowerCase(Locale.ROOT);
            case 2 -> Normalizer.normalize(path, Normalizer.Form.NFD);
            default -> Normalizer.normalize(path.toUpperCase(Locale.ROOT), Normalizer.Form.NFD);
        };
    }

    private static String randomPath(Random random) {
        StringBuilder path = new StringBuilder();
        int parts = 1 + random.nextInt(8);
        for (int p = 0; p < parts; p++) {
            switch (random.nextInt(10)) {
                case 0 -> path.appendCodePoint(randomCodePoint(random));
                case 1 -> path.append("/");
                case 2 -> path.append("x".repeat(random.nextInt(300)));
                case 3 -> path.append("d/".repeat(random.nextInt(70)));
                default -> path.append(PIECES[random.nextInt(PIECES.length)]);
            }
            if (random.nextInt(3) == 0) {
                path.append('/');
            }
        }
        return path.toString();
    }

    /** Any code point, with a bias to the BMP's punctuation and symbol blocks. */
    private static int randomCodePoint(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(0x80);
            case 1 -> 0x2000 + random.nextInt(0x1000);
            case 2 -> 0xFE00 + random.nextInt(0x200);
            default -> random.nextInt(Character.MAX_CODE_POINT + 1);
        };
    }
}
