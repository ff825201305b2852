package dev.p2pcopy.protocol.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a.txt",
                "a",
                "photos/2024/img.jpg",
                "café/naïve.txt",
                "日本語/ファイル.txt",
                "emoji 😀.png",
                "a b/c d.txt",
                ".hidden",
                "dir/.config",
                "..dots-inside..x",
                "a..b",
                "con-notes.txt",
                "console.txt",
                "com10",
                "com¹¹",
                "lpt",
                "nulls",
                "auxiliary/prn1.txt",
                "x/COM",
                "conin",
                "name with 'quotes'",
                "later….txt",
                "Ελλάδα/φωτο.jpg",
                "ملف.txt",
                " leading no-break space",
                "math 𝐀𝐁.txt",
                "half ½.txt",
            })
    void acceptsSafePaths(String path) {
        assertThat(SafePaths.check(path)).isSameAs(path);
    }

    static Stream<Arguments> unsafePaths() {
        String seg255 = "é".repeat(127) + "a"; // 255 UTF-8 bytes: allowed
        return Stream.of(
                Arguments.of("", "it is empty"),
                Arguments.of(null, "it is empty"),
                Arguments.of("a".repeat(4097), "it is longer than 4096 bytes"),
                Arguments.of("é".repeat(2049), "it is longer than 4096 bytes"),
                Arguments.of("a/".repeat(2048) + "b", "it is longer than 4096 bytes"),
                Arguments.of("a/".repeat(64) + "b", "it is more than 64 levels deep"),
                Arguments.of("/etc/passwd", "it is absolute"),
                Arguments.of("/", "it is absolute"),
                Arguments.of("a\\b.txt", "it contains a backslash"),
                Arguments.of("..\\..\\x", "it contains a backslash"),
                Arguments.of("C:", "it contains a ':'"),
                Arguments.of("C:/Windows/x", "it contains a ':'"),
                Arguments.of("c:x.txt", "it contains a ':'"),
                Arguments.of("file.txt:stream", "it contains a ':'"),
                Arguments.of("a\u0000b", "it contains a control character"),
                Arguments.of("a\nb", "it contains a control character"),
                Arguments.of("tab\there", "it contains a control character"),
                Arguments.of("a\u001fb", "it contains a control character"),
                Arguments.of("del\u007f", "it contains a control character"),
                Arguments.of("c1\u0085", "it contains a control character"),
                Arguments.of("c1\u009f", "it contains a control character"),
                Arguments.of("\u0000", "it contains a control character"),
                Arguments.of("a<b", "it contains '<', which Windows does not allow"),
                Arguments.of("a>b", "it contains '>', which Windows does not allow"),
                Arguments.of("say \"hi\"", "it contains '\"', which Windows does not allow"),
                Arguments.of("a|b", "it contains '|', which Windows does not allow"),
                Arguments.of("what?", "it contains '?', which Windows does not allow"),
                Arguments.of("*.txt", "it contains '*', which Windows does not allow"),
                Arguments.of("\\\\server\\share\\x", "it contains a backslash"),
                Arguments.of("//server/share/x", "it is absolute"),
                Arguments.of("abc\u202Etxt.exe", "it contains the invisible or text-direction character U+202E"),
                Arguments.of("\u202Aa", "it contains the invisible or text-direction character U+202A"),
                Arguments.of("a\u2066b", "it contains the invisible or text-direction character U+2066"),
                Arguments.of("a\u2069b", "it contains the invisible or text-direction character U+2069"),
                Arguments.of("zero\u200Bwidth", "it contains the invisible or text-direction character U+200B"),
                Arguments.of(".g\u200Cit/config", "it contains the invisible or text-direction character U+200C"),
                Arguments.of("a\u200Fb", "it contains the invisible or text-direction character U+200F"),
                Arguments.of("\uFEFFbom.txt", "it contains the invisible or text-direction character U+FEFF"),
                Arguments.of("soft\u00ADhyphen", "it contains the invisible or text-direction character U+00AD"),
                Arguments.of("line\u2028sep", "it contains the invisible or text-direction character U+2028"),
                Arguments.of("para\u2029sep", "it contains the invisible or text-direction character U+2029"),
                Arguments.of("tag\uDB40\uDC01", "it contains the invisible or text-direction character U+E0001"),
                Arguments.of("a\u2215b", "it contains U+2215, which looks like a slash or a dot"),
                Arguments.of("..\u2215etc\u2215passwd", "it contains U+2215, which looks like a slash or a dot"),
                Arguments.of("a\u2044b", "it contains U+2044, which looks like a slash or a dot"),
                Arguments.of("a\uFF0Fb", "it contains U+FF0F, which looks like a slash or a dot"),
                Arguments.of("a\uFF3Cb", "it contains U+FF3C, which looks like a slash or a dot"),
                Arguments.of("a\u29F8b", "it contains U+29F8, which looks like a slash or a dot"),
                Arguments.of("a\u29F9b", "it contains U+29F9, which looks like a slash or a dot"),
                Arguments.of("a\uFE68b", "it contains U+FE68, which looks like a slash or a dot"),
                Arguments.of("a\u2216b", "it contains U+2216, which looks like a slash or a dot"),
                Arguments.of("\u2024\u2024/x", "it contains U+2024, which looks like a slash or a dot"),
                Arguments.of("\u2025/x", "it contains U+2025, which looks like a slash or a dot"),
                Arguments.of("\uFF0E\uFF0E/x", "it contains U+FF0E, which looks like a slash or a dot"),
                Arguments.of("\uFE52\uFE52", "it contains U+FE52, which looks like a slash or a dot"),
                Arguments.of("account \u2100", "it contains U+2100, which looks like a slash or a dot"),
                Arguments.of("lone \uD800 high", "it contains an unpaired surrogate"),
                Arguments.of("lone \uDC00 low", "it contains an unpaired surrogate"),
                Arguments.of("end\uD83D", "it contains an unpaired surrogate"),
                Arguments.of("a//b", "it has an empty segment"),
                Arguments.of("a/", "it has an empty segment"),
                Arguments.of(".", "it has a '.' segment"),
                Arguments.of("a/./b", "it has a '.' segment"),
                Arguments.of("..", "it has a '..' segment"),
                Arguments.of("../x", "it has a '..' segment"),
                Arguments.of("a/../../x", "it has a '..' segment"),
                Arguments.of("a/..", "it has a '..' segment"),
                Arguments.of("x".repeat(256), "a segment is longer than 255 bytes"),
                Arguments.of("ok/" + seg255 + "é", "a segment is longer than 255 bytes"),
                Arguments.of("name.", "a segment ends in a dot or a space"),
                Arguments.of("dir./x", "a segment ends in a dot or a space"),
                Arguments.of("name ", "a segment ends in a dot or a space"),
                Arguments.of("CON", "'CON' is a reserved device name on Windows"),
                Arguments.of("con", "'con' is a reserved device name on Windows"),
                Arguments.of("dir/con.txt", "'con' is a reserved device name on Windows"),
                Arguments.of("Prn.tar.gz", "'Prn' is a reserved device name on Windows"),
                Arguments.of("aux", "'aux' is a reserved device name on Windows"),
                Arguments.of("NUL/x", "'NUL' is a reserved device name on Windows"),
                Arguments.of("com1", "'com1' is a reserved device name on Windows"),
                Arguments.of("COM9.log", "'COM9' is a reserved device name on Windows"),
                Arguments.of("lpt1", "'lpt1' is a reserved device name on Windows"),
                Arguments.of("x/LPT9.txt", "'LPT9' is a reserved device name on Windows"),
                Arguments.of("con .txt", "'con' is a reserved device name on Windows"),
                Arguments.of("lpt0.txt", "'lpt0' is a reserved device name on Windows"),
                Arguments.of("COM0", "'COM0' is a reserved device name on Windows"),
                Arguments.of("COM\u00b9", "'COM\u00b9' is a reserved device name on Windows"),
                Arguments.of("com\u00b2.txt", "'com\u00b2' is a reserved device name on Windows"),
                Arguments.of("x/LPT\u00b3.log", "'LPT\u00b3' is a reserved device name on Windows"),
                Arguments.of("CONIN$", "'CONIN$' is a reserved device name on Windows"),
                Arguments.of("conout$.txt", "'conout$' is a reserved device name on Windows"),
                Arguments.of("name. ", "a segment ends in a dot or a space"),
                Arguments.of("...", "a segment ends in a dot or a space"),
                Arguments.of("dir /x", "a segment ends in a dot or a space"));
    }

    @ParameterizedTest
    @MethodSource("unsafePaths")
    void refusesUnsafePaths(String path, String reason) {
        assertThatThrownBy(() -> SafePaths.check(path)).isInstanceOfSatisfying(UnsafePathException.class, e -> {
            assertThat(e.reason()).startsWith(reason);
            assertThat(e.path()).isEqualTo(path);
            assertThat(e.getMessage()).startsWith("The path ").endsWith(".").doesNotContain("\n", "\u0000");
        });
    }

    @Test
    void segmentOfExactly255BytesIsAccepted() {
        String seg = "é".repeat(127) + "a";
        assertThat(SafePaths.check("dir/" + seg)).endsWith(seg);
        assertThat(SafePaths.check("x".repeat(255))).hasSize(255);
    }

    @Test
    void pathOfExactly4096BytesIsAccepted() {
        String path = ("x".repeat(240) + "/").repeat(16) + "\u00e9".repeat(120);
        assertThat(path.getBytes(StandardCharsets.UTF_8)).hasSize(4096);
        assertThat(SafePaths.check(path)).isSameAs(path);
        assertThatThrownBy(() -> SafePaths.check(path + "v")).hasMessageEndingWith("longer than 4096 bytes.");
    }

    @Test
    void pathOf64LevelsIsAccepted() {
        String path = "a/".repeat(63) + "b";
        assertThat(SafePaths.check(path)).isSameAs(path);
        assertThatThrownBy(() -> SafePaths.check("a/" + path)).hasMessageEndingWith("more than 64 levels deep.");
    }

    @Test
    void resolvesInsideTheTargetDirectory(@TempDir Path target) {
        assertThat(SafePaths.resolve(target, "a.txt")).isEqualTo(target.resolve("a.txt"));
        assertThat(SafePaths.resolve(target, "photos/2024/img.jpg"))
                .isEqualTo(target.resolve("photos").resolve("2024").resolve("img.jpg"))
                .startsWithRaw(target);
        assertThat(SafePaths.resolve(target, "café/naïve.txt")).startsWithRaw(target);
    }

    @Test
    void resolveKeepsARelativeTargetRelative() {
        assertThat(SafePaths.resolve(Path.of("out/./sub/.."), "a/b.txt")).isEqualTo(Path.of("out/a/b.txt"));
        assertThat(SafePaths.resolve(Path.of(""), "a.txt")).isEqualTo(Path.of("a.txt"));
    }

    @Test
    void resolveChecksThePathAgain(@TempDir Path target) {
        assertThatThrownBy(() -> SafePaths.resolve(target, "../escape.txt"))
                .isInstanceOf(UnsafePathException.class)
                .hasMessage("The path \"../escape.txt\" is not safe: it has a '..' segment.");
        assertThatThrownBy(() -> SafePaths.resolve(target, "/etc/passwd")).isInstanceOf(UnsafePathException.class);
    }

    @Test
    void requireInsideRefusesResultsOutsideOrEqualToTheBase() {
        Path base = Path.of("/srv/out");
        assertThatCode(() -> SafePaths.requireInside(base, Path.of("/srv/out/a"), "a"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> SafePaths.requireInside(base, Path.of("/srv/other/a"), "x"))
                .isInstanceOf(UnsafePathException.class)
                .hasMessage("The path \"x\" is not safe: it resolves outside the target directory.");
        assertThatThrownBy(() -> SafePaths.requireInside(base, Path.of("/srv/outside"), "x"))
                .isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> SafePaths.requireInside(base, base, "x")).isInstanceOf(UnsafePathException.class);
    }

    @Test
    void distinctPathsDoNotCollide() {
        assertThatCode(() -> SafePaths.checkNoCaseCollisions(List.of(
                        "photos", "photos/a.jpg", "photos/b.jpg", "photos/sub", "photos/sub/a.jpg", "a.txt", "b.txt")))
                .doesNotThrowAnyException();
        assertThatCode(() -> SafePaths.checkNoCaseCollisions(List.of())).doesNotThrowAnyException();
    }

    @Test
    void pathsEqualIgnoringCaseCollide() {
        assertThatThrownBy(() -> SafePaths.checkNoCaseCollisions(List.of("a.txt", "README", "ReadMe")))
                .isInstanceOfSatisfying(
                        UnsafePathException.class, e -> assertThat(e.path()).isEqualTo("ReadMe"))
                .hasMessage("The path \"ReadMe\" is not safe: it names the same file as \"README\""
                        + " where letter case or Unicode normalisation is ignored.");
    }

    @Test
    void duplicatePathsCollide() {
        assertThatThrownBy(() -> SafePaths.checkNoCaseCollisions(List.of("dir", "dir/a.txt", "dir/a.txt")))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("\"dir/a.txt\"");
    }

    @Test
    void foldersSpelledDifferentlyCollide() {
        assertThatThrownBy(() -> SafePaths.checkNoCaseCollisions(List.of("photos", "Photos/a.jpg")))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("same file as \"photos\"");
        assertThatThrownBy(() -> SafePaths.checkNoCaseCollisions(List.of("x/Sub/a", "x/sub/b")))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("same file as \"x/Sub\"");
    }

    @Test
    void unicodeNormalisationFormsCollide() {
        String nfc = "caf\u00e9.txt";
        String nfd = "cafe\u0301.txt";
        assertThatThrownBy(() -> SafePaths.checkNoCaseCollisions(List.of(nfc, nfd)))
                .isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> SafePaths.checkNoCaseCollisions(List.of("CAFÉ.TXT", nfc)))
                .isInstanceOf(UnsafePathException.class);
    }

    @Test
    void caseFoldingCountsSpecialCasePairsAsTheSame() {
        assertThatThrownBy(() -> SafePaths.checkNoCaseCollisions(List.of("stra\u00dfe", "STRASSE")))
                .isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> SafePaths.checkNoCaseCollisions(List.of("f\u0131le", "FILE")))
                .isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> SafePaths.checkNoCaseCollisions(List.of("\u212aelvin", "kelvin")))
                .isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> SafePaths.checkNoCaseCollisions(List.of("\u01f0", "J\u030c")))
                .isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> SafePaths.checkNoCaseCollisions(List.of("\u00c5ngstr\u00f6m", "\u212bngstro\u0308m")))
                .isInstanceOf(UnsafePathException.class);
        assertThatCode(() -> SafePaths.checkNoCaseCollisions(List.of("\u00e9", "e", "\u00e8", "\u0131x", "ix2")))
                .doesNotThrowAnyException();
    }

    @Test
    void messagesEscapeInvisibleAndTextDirectionCharacters() {
        UnsafePathException e =
                new UnsafePathException("abc\u202Etxt.exe\u200B\uFEFF\u2028\uD800x\uDB40\uDC01", "test");
        assertThat(e.getMessage())
                .isEqualTo(
                        "The path \"abc\\u202etxt.exe\\u200b\\ufeff\\u2028\\ud800x\\udb40\\udc01\" is not safe: test.");
        assertThat(new UnsafePathException("emoji \uD83D\uDE00 caf\u00e9", "test").getMessage())
                .isEqualTo("The path \"emoji \uD83D\uDE00 caf\u00e9\" is not safe: test.");
        String cut = "x".repeat(199) + "\uD83D\uDE00";
        assertThat(new UnsafePathException(cut, "test").getMessage()).contains("x\uD83D\uDE00\" is");
    }

    @Test
    void messagesEscapeControlCharactersQuotesAndBackslashes() {
        UnsafePathException e = new UnsafePathException("a\u0000b\n\"c\"\\d", "test");
        assertThat(e.getMessage()).isEqualTo("The path \"a\\u0000b\\u000a\\\"c\\\"\\\\d\" is not safe: test.");
        assertThat(e.path()).isEqualTo("a\u0000b\n\"c\"\\d");
        assertThat(e.reason()).isEqualTo("test");
    }

    @Test
    void messagesShortenLongPathsAndNameMissingOnes() {
        String message = new UnsafePathException("x".repeat(5000), "too long").getMessage();
        assertThat(message).hasSizeLessThan(260).contains("x".repeat(200) + "…\"");
        assertThat(new UnsafePathException(null, "it is empty").getMessage())
                .isEqualTo("The path (none) is not safe: it is empty.");
    }
}
