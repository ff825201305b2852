package dev.p2pcopy.desktop.nodes;

import dev.p2pcopy.desktop.fx.DisplayConverter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Nodes screen's small live line charts: time along x, the last few minutes, no animation. */
final class Charts {
    private static final double HEIGHT = 150;

    private Charts() {}

    /** A chart of {@code series} (name, points) over the time window of {@code time}. */
    static LineChart<Number, Number> chart(String id, NodesModel time, NumberAxis y, Named... series) {
        NumberAxis x = new NumberAxis();
        x.setAutoRanging(false);
        x.lowerBoundProperty().bind(time.windowStartProperty());
        x.upperBoundProperty().bind(time.nowProperty());
        x.setTickUnit(60);
        x.setTickLabelsVisible(false);
        x.setMinorTickVisible(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setVerticalGridLinesVisible(false);
        chart.setVerticalZeroLineVisible(false); // x = 0 is when the app started: no line for that
        chart.setLegendVisible(false); // see withLegend
        chart.setPrefHeight(HEIGHT);
        chart.setMinHeight(HEIGHT);
        chart.setMinWidth(0);
        chart.setMaxWidth(Double.MAX_VALUE);
        for (Named s : series) {
            chart.getData().add(new XYChart.Series<>(s.name(), s.points()));
        }
        return chart;
    }

    /** A chart under a heading of one line, in the same place on every chart, so that the plots line up. */
    static VBox headed(String heading, LineChart<Number, Number> chart) {
        Label label = new Label(heading);
        label.getStyleClass().add("chart-heading");
        return box(label, chart);
    }

    /**
     * A chart under its legend, which takes the place of a heading: a short line in each
     * series' colour (the style class {@code swatch-N}, N counting the series from 0) and its
     * name. JavaFX drops its own legend when less than 150 px would remain for the plot, as here.
     */
    static VBox withLegend(LineChart<Number, Number> chart) {
        HBox legend = new HBox(14);
        legend.getStyleClass().add("nodes-legend");
        int n = 0;
        for (XYChart.Series<Number, Number> s : chart.getData()) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("legend-swatch", "swatch-" + n++);
            Label name = new Label(s.getName(), swatch);
            name.getStyleClass().add("chart-heading");
            legend.getChildren().add(name);
        }
        return box(legend, chart);
    }

    private static VBox box(Region heading, LineChart<Number, Number> chart) {
        HBox line = new HBox(heading);
        line.setAlignment(Pos.CENTER);
        line.getStyleClass().add("chart-heading-line");
        VBox box = new VBox(line, chart);
        box.setMinWidth(0);
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    /** An axis from 0 to 100 %. */
    static NumberAxis percentAxis() {
        NumberAxis y = new NumberAxis(0, 100, 50);
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(DisplayConverter.<Number>of(Figures::percentTick));
        return y;
    }

    /** An axis from 0 to {@code ceiling}, labelled by {@code format}. */
    static NumberAxis axis(DoubleProperty ceiling, Function<Number, String> format) {
        NumberAxis y = new NumberAxis();
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.upperBoundProperty().bind(ceiling);
        y.tickUnitProperty().bind(ceiling.divide(2));
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(DisplayConverter.<Number>of(format));
        return y;
    }

    /** Whether any of {@code series} holds a line (two points or more); charts without one stay hidden. */
    @SafeVarargs
    static BooleanBinding hasLine(ObservableList<XYChart.Data<Number, Number>>... series) {
        return Bindings.createBooleanBinding(() -> List.of(series).stream().anyMatch(s -> s.size() > 1), series);
    }

    /**
     * One line of a chart.
     *
     * @param name its name in the legend
     * @param points the points, shared with the model
     */
    record Named(String name, ObservableList<XYChart.Data<Number, Number>> points) {}
}
