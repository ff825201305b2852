package dev.p2pcopy.protocol.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                "lpt0.txt",
                "nulls",
                "auxiliary/prn1.txt",
                "x/COM",
                "name with 'quotes' and \"double\"",
            })
    void acceptsSafePaths(String path) {
        assertThat(SafePaths.check(path)).isSameAs(path);
    }

    static Stream<Arguments> unsafePaths() {
        String seg255 = "é".repeat(127) + "a"; // 255 UTF-8 bytes: allowed
        return Stream.of(
                Arguments.of("", "it is empty"),
                Arguments.of(null, "it is empty"),
                Arguments.of("a/".repeat(2048) + "b", "it is longer than 4096 characters"),
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
                Arguments.of("con .txt", "'con' is a reserved device name on Windows"));
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
    void pathOfExactly4096CharactersIsAccepted() {
        String path = "a/".repeat(2047) + "bc";
        assertThat(path).hasSize(4096);
        assertThat(SafePaths.check(path)).isSameAs(path);
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
                        + " where letter case is ignored.");
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
