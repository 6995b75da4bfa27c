package org.streamml.ml.streaming;

/**
 * A prediction and the version of the model that made it (the number of batches that model had
 * applied), as emitted by {@code predictOnValues}.
 *
 * @param value the predicted value: a regression value, a class (0.0 or 1.0) or a probability
 * @param modelVersion the version of the model that predicted
 */
public record Prediction(double value, long modelVersion) {
}
