package org.streamml.viz.live;

/**
 * A live chart of one series scored by an anomaly detector. The dashboard's series page lists such charts
 * by these numbers (searchable by name, the top ones by current score) and draws only the one selected, so
 * thousands of series never mean thousands of charts on one page.
 */
public interface ScoredSeries {

    /** The anomaly score of the latest point, or {@code NaN} before the first scored point. */
    double currentScore();

    /** The number of points labelled anomalies so far. */
    long alarms();

    /** The detector's alarm threshold. */
    double threshold();
}
