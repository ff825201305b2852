package dev.p2pcopy.protocol.code;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * Draws random transfer codes such as {@code 4821-river-orbit-lamp}.
 *
 * <h2>Codes</h2>
 *
 * <p>A generated code is a nameplate — a uniformly random integer in [1, 9999], written in
 * decimal without leading zeros — followed by three words drawn uniformly and independently
 * from a {@link Wordlist}, all joined by {@code -}.
 *
 * <p>Only the nameplate reaches the relay, and only hashed into the room id (see {@link
 * Code#roomId()}); it just keeps concurrent transfers apart, and a sender whose nameplate is busy
 * draws another code. The secret is in the words: with the shipped 2,048-word list each word
 * carries 11 bits, so the three words give 3 × 11 = 33 bits. That is enough because the peers
 * check the code with each other online, where a wrong guess ends the session; nobody gets an
 * offline copy to try guesses against.
 */
public final class CodeGenerator {
    /** Largest nameplate number drawn. */
    public static final int MAX_NAMEPLATE = 9999;

    /** How many secret words a generated code has. */
    public static final int WORDS = 3;

    private final Wordlist wordlist;
    private final SecureRandom random;

    /** A generator that draws words from {@code wordlist} using {@code random}. */
    public CodeGenerator(Wordlist wordlist, SecureRandom random) {
        this.wordlist = Objects.requireNonNull(wordlist, "wordlist");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Draws a new code: nameplate, then {@value #WORDS} words. */
    public Code next() {
        StringBuilder code = new StringBuilder().append(1 + random.nextInt(MAX_NAMEPLATE));
        List<String> words = wordlist.words();
        for (int i = 0; i < WORDS; i++) {
            code.append('-').append(words.get(random.nextInt(words.size())));
        }
        return Code.parse(code.toString());
    }
}
