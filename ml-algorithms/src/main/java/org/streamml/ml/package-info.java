/**
 * Machine learning on streams: {@link org.streamml.ml.LabeledPoint}, and below it vectors, immutable
 * models, streaming learners that reproduce Spark's numbers, offline trainers and evaluation.
 */
package org.streamml.ml;
