package org.streamml.datasets.io;

/**
 * One row of a NAB data file.
 *
 * @param index the 0-based row index in file order
 * @param timestamp the row's timestamp in milliseconds since the epoch, the wall-clock time read as UTC (see
 *        {@link NabTimestamps}); not necessarily later than the previous one
 * @param value the measured value; {@code NaN} for a missing value when the file keeps them
 *        ({@link NabFile#keepingMissingValues()})
 * @param label 1 when the timestamp lies inside one of the file's anomaly windows, else 0
 */
public record NabPoint(long index, long timestamp, double value, int label) {
    /** Whether the row's value is missing (only rows of a file that keeps missing values). */
    public boolean missing() {
        return Double.isNaN(value);
    }
}
