/**
 * The micro-batch streaming engine: a {@link org.streamml.streaming.StreamingContext} cuts input into
 * batches of P partitions at every batch interval and runs the {@link org.streamml.streaming.DStream}
 * transformations and output operations registered on it, as in Spark Streaming. Partition tasks run on a
 * {@link org.streamml.streaming.BatchExecutor} found by {@code --master} string
 * ({@link org.streamml.streaming.Masters}, {@link org.streamml.streaming.ExecutorProvider}).
 */
package org.streamml.streaming;
