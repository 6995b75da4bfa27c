/**
 * Spark's full-batch gradient descent on the engine: a partition is flattened once per batch into a
 * {@link org.streamml.ml.optim.DataBlock}, every iteration is one aggregate over partitions of a
 * primitive gradient kernel, and the driver applies Spark's updaters.
 */
package org.streamml.ml.optim;
