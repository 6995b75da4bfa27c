package org.streamml.ml.streaming;

import java.util.Arrays;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;

/** Every bit of a model as text ({@link Double#toString} is exact), to compare runs on different executors. */
final class ModelFingerprints {
    private ModelFingerprints() {
    }

    /** The version, centers and weights of a k-means model. */
    static String of(KMeansModel m) {
        return m.version() + " " + Arrays.deepToString(m.centers()) + " " + Arrays.toString(m.clusterWeights());
    }

    /** The version, weights and intercept of a linear regression model. */
    static String of(LinearRegressionModel m) {
        return m.version() + " " + Arrays.toString(m.weights()) + " " + m.intercept();
    }

    /** The version, weights and intercept of a logistic regression model. */
    static String of(LogisticRegressionModel m) {
        return m.version() + " " + Arrays.toString(m.weights()) + " " + m.intercept();
    }
}
