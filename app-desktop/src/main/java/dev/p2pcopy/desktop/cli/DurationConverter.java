package dev.p2pcopy.desktop.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a duration such as {@code --reconnect-for}'s: {@code 0}, or a whole number with s, m or h. */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d{1,9})(s|m|h)?");

    /** Creates the converter; picocli instantiates it. */
    public DurationConverter() {}

    /**
     * Parses {@code value}, e.g. {@code 0}, {@code 90s}, {@code 2m}, {@code 1h}.
     *
     * @throws TypeConversionException if it is not such a duration; picocli reports it as a usage
     *     error
     */
    @Override
    public Duration convert(String value) {
        Matcher m = AMOUNT_AND_UNIT.matcher(value.strip().toLowerCase(Locale.ROOT));
        // A bare number is allowed only for 0: "90" could mean seconds or minutes.
        if (!m.matches() || (m.group(2) == null && Long.parseLong(m.group(1)) != 0)) {
            throw new TypeConversionException(
                    "'" + value + "' is not a duration; give 0 or a whole number with s, m or h, e.g. 90s, 2m, 1h.");
        }
        long amount = Long.parseLong(m.group(1));
        return m.group(2) == null
                ? Duration.ZERO
                : switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
    }
}
