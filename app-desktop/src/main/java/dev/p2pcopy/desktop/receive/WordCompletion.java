package dev.p2pcopy.desktop.receive;

import dev.p2pcopy.desktop.fx.DisplayConverter;
import dev.p2pcopy.protocol.code.Wordlist;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javafx.scene.control.TextField;
import javafx.util.Callback;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.AutoCompletionBinding.ISuggestionRequest;
import org.controlsfx.control.textfield.TextFields;

/**
 * Suggests words of the code's word list for the last word being typed, so that "4821-riv"
 * offers "river". Choosing a suggestion replaces that last word only and keeps what comes
 * before it. ControlsFX calls it on a background thread; it holds no state.
 */
final class WordCompletion implements Callback<ISuggestionRequest, Collection<WordCompletion.Suggestion>> {
    /** Most suggestions offered at once. */
    static final int MAX_SUGGESTIONS = 8;

    private static final Pattern LETTERS = Pattern.compile("[A-Za-z]+");

    private final Wordlist words;

    WordCompletion(Wordlist words) {
        this.words = words;
    }

    /**
     * One suggestion: the text before the last word, and a word to put in its place.
     *
     * @param before everything up to and including the last separator
     * @param word the completed word
     */
    record Suggestion(String before, String word) {
        /** The field's text once this suggestion is chosen. */
        String text() {
            return before + word;
        }
    }

    /** Binds the completion to {@code field}: the popup lists words, choosing one completes the text. */
    static AutoCompletionBinding<Suggestion> install(TextField field, Wordlist words) {
        AutoCompletionBinding<Suggestion> binding =
                TextFields.bindAutoCompletion(field, new WordCompletion(words), DisplayConverter.of(Suggestion::text));
        binding.getAutoCompletionPopup().setConverter(DisplayConverter.of(Suggestion::word));
        binding.setVisibleRowCount(MAX_SUGGESTIONS);
        return binding;
    }

    @Override
    public Collection<Suggestion> call(ISuggestionRequest request) {
        return suggest(request.getUserText());
    }

    /** The suggestions for {@code text}: none unless it ends in a partly typed word. */
    List<Suggestion> suggest(String text) {
        int start = lastWordStart(text);
        String last = text.substring(start);
        if (!LETTERS.matcher(last).matches()) {
            return List.of();
        }
        List<String> found = words.completions(last, MAX_SUGGESTIONS);
        if (found.size() == 1 && found.get(0).equals(last.toLowerCase(Locale.ROOT))) {
            return List.of(); // already complete: nothing to offer
        }
        String before = text.substring(0, start);
        return found.stream().map(w -> new Suggestion(before, w)).toList();
    }

    /** Where the last word starts: after the last dash or space. */
    private static int lastWordStart(String text) {
        int i = text.length();
        while (i > 0 && text.charAt(i - 1) != '-' && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
