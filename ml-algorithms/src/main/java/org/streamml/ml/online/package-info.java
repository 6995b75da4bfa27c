/**
 * The online mode of the linear learners, beyond Spark: per-record SGD, AdaGrad and FTRL-Proximal run over
 * each partition from the current model, and the driver merges the partitions' models once per batch by
 * record-weighted parameter averaging ({@link org.streamml.ml.online.OnlineOptimizer} states the rule of each).
 */
package org.streamml.ml.online;
