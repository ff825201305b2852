package dev.p2pcopy.protocol.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeGeneratorTest {
    private final Wordlist words = Wordlist.english();

    @Test
    void codesAreANameplateAndThreeWordsFromTheList() {
        CodeGenerator generator = new CodeGenerator(words, new SecureRandom());
        for (int i = 0; i < 500; i++) {
            Code code = generator.next();
            String[] parts = code.value().split("-");
            assertThat(parts).hasSize(1 + CodeGenerator.WORDS);
            assertThat(parts[0]).matches("[1-9][0-9]{0,3}");
            assertThat(Integer.parseInt(parts[0])).isBetween(1, CodeGenerator.MAX_NAMEPLATE);
            assertThat(code.nameplate()).isEqualTo(parts[0]);
            for (int w = 1; w < parts.length; w++) {
                assertThat(words.contains(parts[w])).as(parts[w]).isTrue();
            }
            // A generated code survives the normalisation the receiver applies to it.
            assertThat(Code.parse(code.value())).isEqualTo(code);
        }
    }

    @Test
    void codesVary() {
        CodeGenerator generator = new CodeGenerator(words, new SecureRandom());
        Set<Code> codes = new HashSet<>();
        Set<String> nameplates = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Code code = generator.next();
            codes.add(code);
            nameplates.add(code.nameplate());
        }
        // 33 bits of words: a repeat in 200 draws would point at a broken generator.
        assertThat(codes).hasSize(200);
        assertThat(nameplates.size()).isGreaterThan(150);
    }

    @Test
    void drawsCoverTheWholeRangeOfNameplatesAndWords() {
        // Lowest then highest value for every draw: nameplate 1 and 9999, first and last word.
        CodeGenerator low = new CodeGenerator(words, new Scripted(List.of(0, 0, 0, 0)));
        assertThat(low.next().value()).isEqualTo("1-" + first() + "-" + first() + "-" + first());
        CodeGenerator high = new CodeGenerator(
                words, new Scripted(List.of(CodeGenerator.MAX_NAMEPLATE - 1, words.size() - 1, 0, words.size() - 1)));
        assertThat(high.next().value()).isEqualTo("9999-" + last() + "-" + first() + "-" + last());
    }

    @Test
    void requiresAWordlistAndARandomSource() {
        assertThatThrownBy(() -> new CodeGenerator(null, new SecureRandom())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CodeGenerator(words, null)).isInstanceOf(NullPointerException.class);
    }

    private String first() {
        return words.words().get(0);
    }

    private String last() {
        return words.words().get(words.size() - 1);
    }

    /** Returns the given values from nextInt(bound), checking each is within the bound asked for. */
    private static final class Scripted extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient Deque<Integer> values;

        Scripted(List<Integer> values) {
            this.values = new ArrayDeque<>(values);
        }

        @Override
        public int nextInt(int bound) {
            int v = values.removeFirst();
            assertThat(v).isBetween(0, bound - 1);
            return v;
        }
    }
}
