package org.streamml.streaming.cluster;

import org.streamml.streaming.Clock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.testkit.CheckpointRecoverySuite;

/**
 * Checkpoint recovery on {@code local-cluster[2]}: state partitions live on two worker processes between
 * checkpoints, come to the driver for each checkpoint, and go back out from it after a restart.
 */
class ClusterCheckpointRecoveryTest extends CheckpointRecoverySuite {
    @Override
    protected StreamingContext context(Clock clock) {
        return new StreamingContext(baseOptions(clock).withMaster("local-cluster[2]"));
    }
}
