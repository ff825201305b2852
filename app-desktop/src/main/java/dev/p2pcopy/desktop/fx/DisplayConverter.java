package dev.p2pcopy.desktop.fx;

import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * A converter for values that are only shown, never typed: choice boxes, suggestion lists and
 * axis labels. Null shows as empty text.
 *
 * @param <T> the value type
 */
public final class DisplayConverter<T> extends StringConverter<T> {
    private final Function<T, String> show;

    private DisplayConverter(Function<T, String> show) {
        this.show = show;
    }

    /** A converter that shows values with {@code show}. */
    public static <T> StringConverter<T> of(Function<T, String> show) {
        return new DisplayConverter<>(show);
    }

    @Override
    public String toString(T value) {
        return value == null ? "" : show.apply(value);
    }

    /** Not supported: these values are chosen, not typed. */
    @Override
    public T fromString(String text) {
        throw new UnsupportedOperationException("This value is chosen, not typed.");
    }
}
