package org.streamml.datasets.io;

import java.util.Objects;

/**
 * One row of a NAB data file with its fields as written, for output that repeats them
 * ({@link NabFile#withText()}).
 *
 * @param point the parsed row
 * @param timestampText the timestamp field, trimmed, quotes kept
 * @param valueText the value field, trimmed, quotes kept (empty for a missing value)
 */
public record NabRow(NabPoint point, String timestampText, String valueText) {
    /** Checks that no part is null. */
    public NabRow {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(timestampText, "timestampText");
        Objects.requireNonNull(valueText, "valueText");
    }
}
