/**
 * Streaming learners with Spark's vocabulary and numbers: {@link
 * org.streamml.ml.streaming.StreamingLinearRegressionWithSGD}, {@link
 * org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD} and {@link
 * org.streamml.ml.streaming.StreamingKMeans}. Each holds its latest immutable model behind one volatile
 * reference; {@code trainOn} registers an output operation that updates it once per batch. Settings are
 * an immutable {@code Options} record per learner, or Spark MLlib's builder calls ({@code setStepSize},
 * {@code setK}, ...), which replace it by the matching {@code with} copy until {@code trainOn}.
 */
package org.streamml.ml.streaming;
