package org.streamml.cli.input;

import java.util.List;
import org.streamml.ml.LabeledPoint;

/**
 * The records of an input file, in file order.
 *
 * @param points the records; label 0.0 when the file has no label column
 * @param dimension the number of features
 * @param skipped the number of malformed lines skipped (0 unless skipping was asked for)
 */
public record InputData(List<LabeledPoint> points, int dimension, long skipped) {
}
