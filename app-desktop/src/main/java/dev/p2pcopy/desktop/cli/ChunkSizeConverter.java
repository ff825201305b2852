package dev.p2pcopy.desktop.cli;

import dev.p2pcopy.protocol.SendOptions;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --chunk-size}: bytes, or a number with {@code k} (KiB) or {@code m} (MiB). */
public final class ChunkSizeConverter implements ITypeConverter<Integer> {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,10})([km]?)");

    /** Creates the converter; picocli instantiates it. */
    public ChunkSizeConverter() {}

    /**
     * Parses {@code value}, e.g. {@code 65536}, {@code 64k}, {@code 16m}.
     *
     * @throws TypeConversionException if it is not a size or out of range; picocli reports it as
     *     a usage error
     */
    @Override
    public Integer convert(String value) {
        Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException(
                    "'" + value + "' is not a size; give bytes or a number with k or m, e.g. 64k, 1m, 16m.");
        }
        long bytes = Long.parseLong(m.group(1))
                * switch (m.group(2)) {
                    case "k" -> 1024L;
                    case "m" -> 1024L * 1024;
                    default -> 1L;
                };
        if (bytes < SendOptions.MIN_CHUNK_SIZE || bytes > SendOptions.MAX_CHUNK_SIZE) {
            throw new TypeConversionException("the chunk size must be between 64k and 16m, not " + value + ".");
        }
        return (int) bytes;
    }
}
