package dev.p2pcopy.desktop.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void addsKnownFiguresOnly() {
        List<XYChart.Data<Number, Number>> series = new ArrayList<>();
        History.add(series, 1, 5);
        History.add(series, 2, -1);
        History.add(series, 3, Double.NaN);
        assertThat(series).extracting(XYChart.Data::getXValue).containsExactly(1.0);
    }

    @Test
    void dropsWhatScrolledOutOfTheWindow() {
        List<XYChart.Data<Number, Number>> series = new ArrayList<>();
        for (int x = 0; x <= 400; x += 100) {
            History.add(series, x, 1);
        }
        History.trim(series, 400);
        assertThat(series).extracting(p -> p.getXValue().intValue()).containsExactly(100, 200, 300, 400);
        History.trim(series, 1000);
        assertThat(series).isEmpty();
    }

    @Test
    void theWindowGrowsFromThirtySecondsToFiveMinutesThenSlides() {
        assertThat(History.windowStart(0)).isEqualTo(-30);
        assertThat(History.windowStart(10)).isEqualTo(-20);
        assertThat(History.windowStart(200)).isEqualTo(0);
        assertThat(History.windowStart(400)).isEqualTo(100);
    }

    @Test
    void roundsTheTopOfTheAxisUpToOneTwoOrFive() {
        assertThat(History.round(1000)).isEqualTo(1000);
        assertThat(History.round(1001)).isEqualTo(2000);
        assertThat(History.round(2500)).isEqualTo(5000);
        assertThat(History.round(7_300_000)).isEqualTo(10_000_000);
        assertThat(History.round(3)).isEqualTo(5);
    }

    @Test
    void theCeilingCoversEverySeriesAndTheMinimum() {
        List<XYChart.Data<Number, Number>> a = new ArrayList<>();
        List<XYChart.Data<Number, Number>> b = new ArrayList<>();
        assertThat(History.ceiling(1000, a, b)).isEqualTo(1000);
        History.add(a, 1, 1500);
        History.add(b, 1, 12_000);
        assertThat(History.ceiling(1000, a, b)).isEqualTo(20_000);
    }
}
