package dev.p2pcopy.desktop.nodes;

import java.util.List;
import javafx.scene.chart.XYChart;

/** The charts' time window: adding points, dropping the ones that scrolled out, and a round top for the y axis. */
final class History {
    /** The time the charts cover, in seconds. */
    static final double WINDOW_SECONDS = 300;
    /** The shortest time the charts cover, so that the first seconds do not stretch across the whole width. */
    static final double MIN_SPAN_SECONDS = 30;
    /** The lowest top of a rates chart, in bytes per second, so that an idle line lies flat at the bottom. */
    static final double MIN_RATE_CEILING = 1000;
    /** The lowest top of the latency chart, in milliseconds. */
    static final double MIN_LATENCY_CEILING = 10;

    private static final double[] STEPS = {1, 2, 5, 10};

    private History() {}

    /**
     * Where the charts start when it is {@code now} seconds after the app started: at the start
     * until the window is full, so that the history fills the width from the beginning, then
     * the window slides.
     */
    static double windowStart(double now) {
        return Math.min(Math.max(0, now - WINDOW_SECONDS), now - MIN_SPAN_SECONDS);
    }

    /** Adds the point ({@code x}, {@code y}) unless {@code y} is unknown (negative). */
    static void add(List<XYChart.Data<Number, Number>> series, double x, double y) {
        if (y >= 0 && Double.isFinite(y)) {
            series.add(new XYChart.Data<>(x, y));
        }
    }

    /** Drops the points older than the window that ends at {@code now}. */
    static void trim(List<XYChart.Data<Number, Number>> series, double now) {
        int old = 0;
        while (old < series.size() && series.get(old).getXValue().doubleValue() < now - WINDOW_SECONDS) {
            old++;
        }
        if (old > 0) {
            series.subList(0, old).clear();
        }
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least every y of {@code series} and {@code minimum}. */
    @SafeVarargs
    static double ceiling(double minimum, List<XYChart.Data<Number, Number>>... series) {
        double max = minimum;
        for (List<XYChart.Data<Number, Number>> s : series) {
            for (XYChart.Data<Number, Number> point : s) {
                max = Math.max(max, point.getYValue().doubleValue());
            }
        }
        return round(max);
    }

    /** {@code value} rounded up to 1, 2 or 5 times a power of ten. */
    static double round(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : STEPS) {
            if (step * power >= value * (1 - 1e-9)) {
                return step * power;
            }
        }
        return 10 * power;
    }
}
