/**
 * Cluster mode (module streaming-cluster): a {@link org.streamml.streaming.cluster.ClusterExecutor}, a
 * {@link org.streamml.streaming.DistributedExecutor}, sends partition tasks over netty (length-framed,
 * kryo with registration required, a versioned handshake with an optional secret) to
 * {@link org.streamml.streaming.cluster.Worker}s and runs a lost worker's tasks again on the others.
 * {@link org.streamml.streaming.cluster.ClusterExecutorProvider} makes it the executor of the
 * {@code local-cluster[N]} and {@code cluster://HOST:PORT} masters.
 */
package org.streamml.streaming.cluster;
