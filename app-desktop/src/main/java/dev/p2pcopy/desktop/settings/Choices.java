package dev.p2pcopy.desktop.settings;

import dev.p2pcopy.desktop.format.Units;
import dev.p2pcopy.desktop.fx.DisplayConverter;
import dev.p2pcopy.desktop.theme.Theme;
import dev.p2pcopy.protocol.Compression;
import dev.p2pcopy.protocol.ConflictPolicy;
import dev.p2pcopy.protocol.SendOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.util.StringConverter;

/** The options the Settings screen offers, with the words a person sees for each. */
final class Choices {
    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;

    private Choices() {}

    /** 64 KiB, 128 KiB, … 16 MiB: the powers of two the protocol accepts. */
    static List<Integer> chunkSizes() {
        List<Integer> sizes = new ArrayList<>();
        for (int size = SendOptions.MIN_CHUNK_SIZE; size <= SendOptions.MAX_CHUNK_SIZE; size *= 2) {
            sizes.add(size);
        }
        return sizes;
    }

    /** "64 KiB", "1 MiB (default)", "16 MiB"; other sizes as {@link Units#size}. */
    static String chunkSize(int bytes) {
        String size;
        if (bytes % MIB == 0) {
            size = bytes / MIB + " MiB";
        } else if (bytes % KIB == 0 && bytes < MIB) {
            size = bytes / KIB + " KiB";
        } else {
            size = Units.size(bytes);
        }
        return bytes == SendOptions.DEFAULT_CHUNK_SIZE ? size + " (default)" : size;
    }

    static String compression(Compression compression) {
        return switch (compression) {
            case AUTO -> "Automatic (where it helps)";
            case ZSTD -> "Always (zstd)";
            case NONE -> "Off";
        };
    }

    static String conflictPolicy(ConflictPolicy policy) {
        return switch (policy) {
            case RENAME -> "Keep both (rename the new file)";
            case OVERWRITE -> "Replace the existing file";
            case SKIP -> "Keep the existing file, skip the new one";
            case FAIL -> "Stop the transfer";
        };
    }

    static String theme(Theme theme) {
        return switch (theme) {
            case LIGHT -> "Light";
            case DARK -> "Dark";
        };
    }

    /** Shows values through {@code names}; the lists are never edited, so no way back is needed. */
    static <T> StringConverter<T> converter(Function<T, String> names) {
        return DisplayConverter.of(names);
    }
}
