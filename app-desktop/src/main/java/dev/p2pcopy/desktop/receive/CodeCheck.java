package dev.p2pcopy.desktop.receive;

import dev.p2pcopy.protocol.code.Code;
import java.util.Locale;

/**
 * Reads a code as the user typed or pasted it, with the protocol's own normalisation ({@link
 * Code#parse}), and turns a refusal into the one sentence the screen shows under the field.
 */
public final class CodeCheck {
    private CodeCheck() {}

    /**
     * The outcome of a check: exactly one of {@code code} and {@code problem} is set.
     *
     * @param code the normalised code, or null
     * @param problem why the text is not a code, or null
     */
    public record Outcome(Code code, String problem) {}

    /** Checks {@code typed} (null and blank count as nothing typed). */
    public static Outcome of(String typed) {
        if (typed == null || typed.isBlank()) {
            return new Outcome(null, "Enter the code that the sender sees.");
        }
        try {
            return new Outcome(Code.parse(typed), null);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "That is not a code: " + lowerFirst(e.getMessage()));
        }
    }

    private static String lowerFirst(String sentence) {
        return sentence.isEmpty()
                ? sentence
                : sentence.substring(0, 1).toLowerCase(Locale.ROOT) + sentence.substring(1);
    }
}
