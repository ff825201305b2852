package dev.p2pcopy.protocol.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeTest {

    static Stream<Arguments> typedCodes() {
        return Stream.of(
                Arguments.of("4821-river-orbit-lamp", "4821-river-orbit-lamp"),
                Arguments.of("  4821-river-orbit-lamp\t", "4821-river-orbit-lamp"),
                Arguments.of("4821 River ORBIT lamp", "4821-river-orbit-lamp"),
                Arguments.of("4821   river \t orbit\nlamp", "4821-river-orbit-lamp"),
                Arguments.of("4821--river---orbit-lamp", "4821-river-orbit-lamp"),
                Arguments.of("-4821-river-", "4821-river"),
                Arguments.of("-- 4821 - river --", "4821-river"),
                Arguments.of("4821\u00a0river\u2003orbit", "4821-river-orbit"),
                Arguments.of("MySecret", "mysecret"),
                Arguments.of("a", "a"));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @MethodSource("typedCodes")
    void normalises(String raw, String expected) {
        assertThat(Code.parse(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-", "---", " - - ", "\t\n"})
    void refusesEmptyCodes(String raw) {
        assertThatThrownBy(() -> Code.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The code is empty.");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Code.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No code was given.");
    }

    @Test
    void acceptsExactly128CharactersAndRefusesMore() {
        String max = "a".repeat(Code.MAX_LENGTH);
        assertThat(Code.parse(max).value()).hasSize(128);
        // Whitespace around it is trimmed before the length is checked.
        assertThat(Code.parse("  " + max + "  ").value()).isEqualTo(max);
        assertThatThrownBy(() -> Code.parse(max + "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The code is longer than 128 characters.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"4821-rivér", "4821_river", "4821.river", "4821/river", "ρ-river", "4821-river!", "İstanbul"})
    void refusesCharactersOutsideLettersDigitsAndDashes(String raw) {
        assertThatThrownBy(() -> Code.parse(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A code may contain only the letters a-z, digits and dashes.");
    }

    @Test
    void errorMessagesDoNotRepeatTheCode() {
        assertThatThrownBy(() -> Code.parse("4821-secretword-ß")).hasMessageNotContaining("secretword");
    }

    @Test
    void nameplateIsThePartBeforeTheFirstDash() {
        assertThat(Code.parse("4821-river-orbit-lamp").nameplate()).isEqualTo("4821");
        assertThat(Code.parse("abc-def").nameplate()).isEqualTo("abc");
        assertThat(Code.parse("mysecret").nameplate()).isEqualTo("mysecret");
    }

    @Test
    void roomIdMatchesAnIndependentlyComputedVector() {
        // printf 'p2p-copy/v1/room4821' | sha256sum
        assertThat(Code.parse("4821-river-orbit-lamp").roomId())
                .isEqualTo("fec3da2693d0a37b1b682e8c94f216140c8b9beadc9c60b1f536791938eee06a");
        // printf 'p2p-copy/v1/roommysecret' | sha256sum
        assertThat(Code.parse("MySecret").roomId())
                .isEqualTo("cd6034d5b3a9b73ef25381546985677b60c2c5c15230ab80a8fe0c8f594145a8");
    }

    @Test
    void roomIdIsSha256OfPrefixAndNameplate() throws Exception {
        Code code = Code.parse("77-apple-pear");
        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest("p2p-copy/v1/room77".getBytes(StandardCharsets.UTF_8));
        assertThat(code.roomId()).isEqualTo(HexFormat.of().formatHex(digest)).matches("[0-9a-f]{64}");
    }

    @Test
    void roomIdDependsOnTheNameplateOnly() {
        assertThat(Code.parse("4821-river-orbit-lamp").roomId())
                .isEqualTo(Code.parse("4821-other-words").roomId())
                .isEqualTo(Code.parse("4821").roomId())
                .isNotEqualTo(Code.parse("4822-river-orbit-lamp").roomId());
    }

    @Test
    void equalityFollowsTheNormalisedValue() {
        Code a = Code.parse("4821 River orbit lamp");
        Code b = Code.parse("4821-river-orbit-lamp");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(a);
        assertThat(a).isNotEqualTo(Code.parse("4821-river-orbit-lamps"));
        assertThat(a).isNotEqualTo("4821-river-orbit-lamp");
        assertThat(a.equals(null)).isFalse();
    }

    @Test
    void toStringHidesTheSecretWords() {
        assertThat(Code.parse("4821-river-orbit-lamp").toString())
                .isEqualTo("Code[4821-…]")
                .doesNotContain("river");
        assertThat(Code.parse("mysecret").toString()).isEqualTo("Code[…]");
    }
}
