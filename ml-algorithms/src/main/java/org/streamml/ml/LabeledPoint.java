package org.streamml.ml;

import java.io.Serializable;
import java.util.Objects;
import org.streamml.ml.linalg.Vector;

/**
 * A training example: a label (a real value for regression, 0 or 1 for binary classification) and a
 * feature vector.
 *
 * @param label the label
 * @param features the features
 */
public record LabeledPoint(double label, Vector features) implements Serializable {

    /** Checks the features are present. */
    public LabeledPoint {
        Objects.requireNonNull(features, "features");
    }

    /** A point with dense features. */
    public static LabeledPoint of(double label, double... features) {
        return new LabeledPoint(label, org.streamml.ml.linalg.Vectors.dense(features));
    }

    @Override
    public String toString() {
        return "(" + label + "," + features + ")";
    }
}
