package dev.p2pcopy.protocol.code;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words that generated codes are made of.
 *
 * <p>The shipped English list ({@link #english()}) has 2,048 distinct, common, lowercase words of
 * 3 to 8 letters, so each word carries 11 bits. No two of its words share their first four
 * letters (nor is a short word the start of another), so four typed letters always pick one
 * word, and no two of its words are homophones.
 */
public final class Wordlist {
    private static final String ENGLISH_RESOURCE = "wordlist.txt";
    private static final Pattern WORD = Pattern.compile("[a-z]+");

    private final List<String> words;

    /** Builds a list from {@code words}: lowercase letters only, no duplicates; kept sorted. */
    Wordlist(List<String> words) {
        List<String> sorted = new ArrayList<>(words);
        Collections.sort(sorted);
        for (int i = 0; i < sorted.size(); i++) {
            String w = sorted.get(i);
            if (!WORD.matcher(w).matches()) {
                throw new IllegalArgumentException(
                        "The word list has an entry that is not lowercase a-z: '" + w + "'.");
            }
            if (i > 0 && sorted.get(i - 1).equals(w)) {
                throw new IllegalArgumentException("The word list has the word '" + w + "' twice.");
            }
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("The word list is empty.");
        }
        this.words = List.copyOf(sorted);
    }

    /** The shipped English word list (loaded once, then shared). */
    public static Wordlist english() {
        return English.INSTANCE;
    }

    /** Loads a word list (one word per line, blank lines ignored) from a resource beside this class. */
    static Wordlist load(String resource) {
        InputStream in = Wordlist.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The word list " + resource + " is missing from the classpath.");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new Wordlist(
                    reader.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the word list " + resource + ".", e);
        }
    }

    /** All words, sorted alphabetically; the list cannot be modified. */
    public List<String> words() {
        return words;
    }

    /** Number of words. */
    public int size() {
        return words.size();
    }

    /** Whether {@code word} is in the list, exactly as given (words are lowercase). */
    public boolean contains(String word) {
        return word != null && Collections.binarySearch(words, word) >= 0;
    }

    /**
     * Words that start with {@code prefix} (compared in lower case), alphabetically, at most
     * {@code max} of them. An empty prefix matches every word.
     *
     * @throws IllegalArgumentException if {@code max} is negative
     */
    public List<String> completions(String prefix, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("The maximum number of completions cannot be negative.");
        }
        String p = prefix.toLowerCase(Locale.ROOT);
        int at = Collections.binarySearch(words, p);
        int from = at >= 0 ? at : -at - 1;
        List<String> out = new ArrayList<>();
        for (int i = from; i < words.size() && out.size() < max && words.get(i).startsWith(p); i++) {
            out.add(words.get(i));
        }
        return List.copyOf(out);
    }

    /** Lazy holder: the resource is read on first use only. */
    private static final class English {
        static final Wordlist INSTANCE = load(ENGLISH_RESOURCE);
    }
}
