package dev.p2pcopy.desktop.receive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeCheckTest {

    @Test
    void normalisesAsTheProtocolDoes() {
        assertThat(CodeCheck.of("  7-Foo-Bar ").code().value()).isEqualTo("7-foo-bar");
        assertThat(CodeCheck.of("7 foo  BAR").code().value()).isEqualTo("7-foo-bar");
        assertThat(CodeCheck.of("--7--foo-bar--").code().value()).isEqualTo("7-foo-bar");
        assertThat(CodeCheck.of("7-foo-bar").problem()).isNull();
    }

    @Test
    void explainsARefusalInOneSentence() {
        assertThat(CodeCheck.of("   ").problem()).isEqualTo("Enter the code that the sender sees.");
        assertThat(CodeCheck.of(null).problem()).isEqualTo("Enter the code that the sender sees.");
        assertThat(CodeCheck.of("---").problem()).isEqualTo("That is not a code: the code is empty.");
        assertThat(CodeCheck.of("7-föö").problem())
                .isEqualTo("That is not a code: a code may contain only the letters a-z, digits and dashes.");
        assertThat(CodeCheck.of("7-" + "a".repeat(200)).problem())
                .isEqualTo("That is not a code: the code is longer than 128 characters.");
        assertThat(CodeCheck.of("7-föö").code()).isNull();
    }
}
