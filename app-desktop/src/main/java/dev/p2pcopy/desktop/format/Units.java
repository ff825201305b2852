package dev.p2pcopy.desktop.format;

import java.time.Duration;
import java.util.Locale;

/**
 * Numbers for people: sizes in binary units (KiB, MiB, GiB) like file managers, rates in
 * decimal units (MB/s) like network tools, and short durations.
 */
public final class Units {
    private static final String[] SIZE_UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    private static final String[] RATE_UNITS = {"kB/s", "MB/s", "GB/s", "TB/s"};

    private Units() {}

    /** "0 B", "812 B", "1.5 KiB", "420 MiB", "1.2 GiB". */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return number(value) + " " + SIZE_UNITS[unit];
    }

    /** "0 B/s", "950 B/s", "301 MB/s", "1.2 GB/s". */
    public static String rate(double bytesPerSecond) {
        if (bytesPerSecond < 1000) {
            return Math.round(Math.max(0, bytesPerSecond)) + " B/s";
        }
        double value = bytesPerSecond;
        int unit = -1;
        while (value >= 1000 && unit < RATE_UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return number(value) + " " + RATE_UNITS[unit];
    }

    /** An elapsed time with a tenth of a second below a minute: "0.3 s", "4.1 s", "2 min 5 s". */
    public static String elapsed(Duration d) {
        long millis = d.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return whole(d);
    }

    /** A time left in whole units: "2 s", "3 min 10 s", "1 h 5 min". */
    public static String whole(Duration d) {
        long seconds = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** "1 file", "3 files". */
    public static String files(int count) {
        return count + (count == 1 ? " file" : " files");
    }

    /** One decimal below 100 ("1.2", "42.5"), none above ("420"). */
    private static String number(double value) {
        return value < 99.95 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value);
    }
}
