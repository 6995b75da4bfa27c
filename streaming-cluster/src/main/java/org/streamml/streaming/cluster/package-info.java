/**
 * Cluster mode: the micro-batch engine's partition tasks run on worker processes. A
 * {@link org.streamml.streaming.cluster.ClusterExecutor} (the driver) listens for
 * {@link org.streamml.streaming.cluster.Worker}s over netty (length-framed messages, kryo with class
 * registration required, a versioned handshake with an optional shared secret, heartbeats), sends each
 * task (an encoded {@link org.streamml.streaming.BatchExecutor.PartitionFunction} and one partition's
 * input) to a worker and collects the results in partition order; tasks of a lost worker run again on
 * the others. {@link org.streamml.streaming.cluster.Master} parses {@code --master} strings.
 */
package org.streamml.streaming.cluster;
