package dev.p2pcopy.relay;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations from the command line: a whole number and a unit ({@code 500ms}, {@code 90s}, {@code 10m},
 * {@code 1h}, {@code 1d}) or ISO-8601 ({@code PT10M}).
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    /** Creates the converter; picocli instantiates it. */
    public DurationConverter() {}

    /**
     * Parses one duration.
     *
     * @param value the text after the flag
     * @return the duration
     * @throws TypeConversionException with a one-sentence hint if the text is not a duration
     */
    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = AMOUNT_AND_UNIT.matcher(text);
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                return switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            if (text.startsWith("p")) {
                return Duration.parse(text);
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            // fall through to the hint below
        }
        throw new TypeConversionException(
                "'" + value + "' is not a duration; use a whole number and a unit, e.g. 500ms, 90s, 10m or 1h");
    }
}
