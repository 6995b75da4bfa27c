package org.streamml.viz.chart;

import java.util.Objects;

/**
 * The words on a chart: its title and the labels of its axes.
 *
 * @param title the chart's title
 * @param xLabel the label of the horizontal axis
 * @param yLabel the label of the vertical axis
 */
public record ChartText(String title, String xLabel, String yLabel) {

    /** Checks that every text is set (an empty string is allowed). */
    public ChartText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
    }
}
