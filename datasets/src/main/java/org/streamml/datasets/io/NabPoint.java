package org.streamml.datasets.io;

import java.time.LocalDateTime;

/**
 * One row of a NAB data file.
 *
 * @param index the 0-based row index in file order
 * @param timestamp the row's timestamp (no zone), as written; not necessarily later than the previous one
 * @param value the measured value
 * @param label 1 when the timestamp lies inside one of the file's anomaly windows, else 0
 */
public record NabPoint(long index, LocalDateTime timestamp, double value, int label) {
}
