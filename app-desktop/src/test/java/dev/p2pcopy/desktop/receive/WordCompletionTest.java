package dev.p2pcopy.desktop.receive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.p2pcopy.desktop.receive.WordCompletion.Suggestion;
import dev.p2pcopy.protocol.code.Wordlist;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordCompletionTest {
    private final Wordlist words = Wordlist.english();
    private final WordCompletion completion = new WordCompletion(words);

    @Test
    void completesTheLastWordAndKeepsWhatComesBefore() {
        List<Suggestion> found = completion.suggest("4821-River-ba");
        assertThat(found).isNotEmpty().hasSizeLessThanOrEqualTo(WordCompletion.MAX_SUGGESTIONS);
        assertThat(found)
                .extracting(Suggestion::word)
                .isEqualTo(words.completions("ba", WordCompletion.MAX_SUGGESTIONS));
        assertThat(found).allSatisfy(s -> assertThat(s.text()).isEqualTo("4821-River-" + s.word()));
    }

    @Test
    void spacesSeparateWordsLikeDashes() { // four letters pick one word of the shipped list
        String word = words.words().get(100);
        assertThat(completion.suggest("  4821 "
                        + word.substring(0, Math.min(4, word.length())).toUpperCase()))
                .extracting(Suggestion::text)
                .contains("  4821 " + word);
    }

    @Test
    void offersNothingWithoutAPartlyTypedWord() {
        String complete = words.words().get(0);
        assertThat(completion.suggest("")).isEmpty();
        assertThat(completion.suggest("4821-")).isEmpty();
        assertThat(completion.suggest("4821 ")).isEmpty();
        assertThat(completion.suggest("4821")).isEmpty();
        assertThat(completion.suggest("4821-ri7")).isEmpty();
        assertThat(completion.suggest("4821-xyzzq")).isEmpty();
        if (words.completions(complete, 2).size() == 1) { // a whole word that starts no other
            assertThat(completion.suggest("4821-" + complete)).isEmpty();
        }
    }
}
