package dev.p2pcopy.relay.room;

import java.time.Duration;

/** Writes durations the way close reasons speak: "10 minutes", "60 seconds", "250 milliseconds". */
public final class DurationText {

    private DurationText() {}

    /**
     * Formats a duration in the largest unit that expresses it exactly.
     *
     * <p>Minutes and hours are used from two upwards, so 60 s stays "60 seconds".
     *
     * @param duration a non-negative duration
     * @return the duration in words
     */
    public static String of(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis >= 7_200_000) {
            return plural(millis / 3_600_000, "hour");
        }
        if (millis % 60_000 == 0 && millis >= 120_000) {
            return plural(millis / 60_000, "minute");
        }
        if (millis % 1000 == 0 && millis > 0) {
            return plural(millis / 1000, "second");
        }
        return plural(millis, "millisecond");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
