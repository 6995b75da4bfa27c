/**
 * Streaming learners with Spark's vocabulary and numbers: {@link
 * org.streamml.ml.streaming.StreamingLinearRegressionWithSGD}, {@link
 * org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD} and {@link
 * org.streamml.ml.streaming.StreamingKMeans}. Each holds its latest immutable model behind one volatile
 * reference; {@code trainOn} registers an output operation that updates it once per batch.
 */
package org.streamml.ml.streaming;
