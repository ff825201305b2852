package dev.p2pcopy.protocol.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordlistTest {
    private final Wordlist english = Wordlist.english();

    @Test
    void englishListHasAtLeast2048DistinctWords() {
        assertThat(english.size()).isGreaterThanOrEqualTo(2048);
        assertThat(new HashSet<>(english.words())).hasSize(english.size());
    }

    @Test
    void englishWordsAreLowercaseLettersOfThreeToEightCharacters() {
        assertThat(english.words()).allMatch(w -> w.matches("[a-z]{3,8}"), "3-8 lowercase letters");
    }

    @Test
    void fourLettersAlwaysPickOneWord() {
        Set<String> prefixes = new HashSet<>();
        for (String w : english.words()) {
            assertThat(prefixes.add(w.substring(0, Math.min(4, w.length()))))
                    .as("first four letters of %s are unique", w)
                    .isTrue();
            assertThat(english.completions(w.substring(0, Math.min(4, w.length())), 10))
                    .as("completions of the first four letters of %s", w)
                    .containsExactly(w);
        }
    }

    @Test
    void englishIsLoadedOnceAndCannotBeModified() {
        assertThat(Wordlist.english()).isSameAs(english);
        assertThatThrownBy(() -> english.words().add("extra")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void wordsAreSorted() {
        assertThat(english.words()).isSorted();
    }

    @Test
    void containsIsExact() {
        assertThat(english.contains("river")).isTrue();
        assertThat(english.contains("River")).isFalse();
        assertThat(english.contains("riverx")).isFalse();
        assertThat(english.contains("")).isFalse();
        assertThat(english.contains(null)).isFalse();
    }

    @Test
    void completionsMatchThePrefixInAnyCase() {
        assertThat(english.completions("riv", 5)).containsExactly("river");
        assertThat(english.completions("RIV", 5)).containsExactly("river");
        assertThat(english.completions("river", 5)).containsExactly("river");
    }

    @Test
    void completionsAreLimitedAndAlphabetical() {
        List<String> b = english.completions("b", 7);
        assertThat(b).hasSize(7).isSorted().allMatch(w -> w.startsWith("b"));
        assertThat(english.completions("", 3)).isEqualTo(english.words().subList(0, 3));
        assertThat(english.completions("b", 0)).isEmpty();
        assertThat(english.completions("qqq", 5)).isEmpty();
        assertThat(english.completions("zzzz", 5)).isEmpty();
    }

    @Test
    void completionsReturnAllMatchesWhenFewerThanMax() {
        long startingWithQ =
                english.words().stream().filter(w -> w.startsWith("q")).count();
        assertThat(english.completions("q", 1000)).hasSize((int) startingWithQ);
    }

    @Test
    void negativeMaxIsRefused() {
        assertThatThrownBy(() -> english.completions("a", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The maximum number of completions cannot be negative.");
    }

    @Test
    void loadSortsAndSkipsBlankLines() {
        Wordlist list = Wordlist.load("test-words.txt");
        assertThat(list.words()).containsExactly("apple", "fig", "pear");
        assertThat(list.size()).isEqualTo(3);
    }

    @Test
    void missingResourceIsReported() {
        assertThatThrownBy(() -> Wordlist.load("no-such-words.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The word list no-such-words.txt is missing from the classpath.");
    }

    @Test
    void invalidListsAreRefused() {
        assertThatThrownBy(() -> new Wordlist(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The word list is empty.");
        assertThatThrownBy(() -> new Wordlist(List.of("pear", "apple", "pear")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The word list has the word 'pear' twice.");
        assertThatThrownBy(() -> new Wordlist(List.of("apple", "Pear")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The word list has an entry that is not lowercase a-z: 'Pear'.");
        assertThatThrownBy(() -> new Wordlist(List.of("two words"))).isInstanceOf(IllegalArgumentException.class);
    }
}
