package dev.p2pcopy.desktop.nodes;

import dev.p2pcopy.desktop.format.Units;
import dev.p2pcopy.protocol.NodeStats;
import java.time.Duration;

/** The Nodes screen's figures as text; an unknown figure reads as a dash. */
final class Figures {
    /** What an unknown figure reads as. */
    static final String UNKNOWN = "—";

    private Figures() {}

    /** "42 %". */
    static String cpu(NodeStats s) {
        return s == null || s.cpuLoad() < 0 ? UNKNOWN : Math.round(s.cpuLoad() * 100) + " %";
    }

    /** "5.2 / 15.6 GiB", or "812 MiB / 15.6 GiB" when the units differ. */
    static String memory(NodeStats s) {
        if (s == null || s.memoryUsedBytes() < 0 || s.memoryTotalBytes() <= 0) {
            return UNKNOWN;
        }
        String used = Units.size(s.memoryUsedBytes());
        String total = Units.size(s.memoryTotalBytes());
        String unit = total.substring(total.indexOf(' '));
        return used.endsWith(unit)
                ? used.substring(0, used.length() - unit.length()) + " / " + total
                : used + " / " + total;
    }

    /** "120 GiB". */
    static String disk(NodeStats s) {
        return s == null || s.diskFreeBytes() < 0 ? UNKNOWN : Units.size(s.diskFreeBytes());
    }

    /** "12.3 MB/s". */
    static String rate(double bytesPerSecond) {
        return bytesPerSecond < 0 || !Double.isFinite(bytesPerSecond) ? UNKNOWN : Units.rate(bytesPerSecond);
    }

    /** "4 ms". */
    static String millis(long millis) {
        return millis < 0 ? UNKNOWN : millis + " ms";
    }

    /** A count, or the dash. */
    static String count(long n) {
        return n < 0 ? UNKNOWN : Long.toString(n);
    }

    /** "2 h 5 min". */
    static String uptime(long seconds) {
        return seconds < 0 ? UNKNOWN : Units.whole(Duration.ofSeconds(seconds));
    }

    /** The text of the y axis of a chart in percent: "50 %". */
    static String percentTick(Number value) {
        return Math.round(value.doubleValue()) + " %";
    }
}
