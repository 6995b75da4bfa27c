package org.streamml.ml.evaluation;

import org.streamml.streaming.Time;

/**
 * The metrics of one batch, scored by the model before it trained on the batch.
 *
 * @param time the batch time
 * @param modelVersion the version of the model that scored the batch
 * @param metrics the batch's metrics
 * @param <M> the metrics type
 */
public record BatchMetrics<M>(Time time, long modelVersion, M metrics) {
}
