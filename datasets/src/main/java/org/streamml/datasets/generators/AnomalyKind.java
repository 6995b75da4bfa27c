package org.streamml.datasets.generators;

/** The kinds of anomaly {@link SensorGenerator} injects; {@link #NONE} marks a normal reading. */
public enum AnomalyKind {
    /** A normal reading. */
    NONE,
    /** One reading far off the normal range (6 to 10 noise deviations). */
    SPIKE,
    /** The level jumps by 5 to 10 noise deviations for the window. */
    LEVEL_SHIFT,
    /** The level moves away linearly, reaching 5 to 10 noise deviations at the window's end. */
    GRADUAL_DRIFT,
    /** The sensor repeats the last value before the window. */
    STUCK,
    /** The noise grows 3 to 5 times. */
    VARIANCE_CHANGE
}
