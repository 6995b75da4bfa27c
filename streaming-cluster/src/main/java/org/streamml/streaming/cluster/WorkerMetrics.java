package org.streamml.streaming.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.StreamingListener;
import org.streamml.streaming.Time;

/**
 * Per-batch, per-worker task metrics of a cluster: register on a context with
 * {@code ssc.addStreamingListener(new WorkerMetrics(cluster))}; after each batch, {@link #history()}
 * holds how many tasks each worker completed in it and how long they ran.
 */
public final class WorkerMetrics implements StreamingListener {

    /**
     * One worker's share of one batch.
     *
     * @param workerId the worker
     * @param tasks tasks it completed in the batch
     * @param taskMillis the time those tasks ran, in total
     */
    public record WorkerShare(int workerId, long tasks, long taskMillis) {
    }

    /**
     * The worker shares of one batch, in the order the workers joined.
     *
     * @param batchTime the batch
     * @param workers each connected worker's share (workers lost during the batch are not listed)
     */
    public record BatchShares(Time batchTime, List<WorkerShare> workers) {
    }

    private final ClusterExecutor cluster;
    private final List<BatchShares> history = new ArrayList<>();
    private Map<Integer, ClusterExecutor.WorkerInfo> before = Map.of();

    /** Metrics of {@code cluster}'s workers. */
    public WorkerMetrics(ClusterExecutor cluster) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    @Override
    public synchronized void onBatchStarted(Time batchTime) {
        before = snapshot();
    }

    @Override
    public synchronized void onBatchCompleted(BatchInfo info) {
        List<WorkerShare> shares = new ArrayList<>();
        for (ClusterExecutor.WorkerInfo w : cluster.workers()) {
            ClusterExecutor.WorkerInfo b = before.get(w.id());
            long tasks = w.tasks() - (b == null ? 0 : b.tasks());
            long millis = w.taskMillis() - (b == null ? 0 : b.taskMillis());
            shares.add(new WorkerShare(w.id(), tasks, millis));
        }
        history.add(new BatchShares(info.batchTime(), List.copyOf(shares)));
    }

    /** The shares of every completed batch so far, oldest first. */
    public synchronized List<BatchShares> history() {
        return List.copyOf(history);
    }

    private Map<Integer, ClusterExecutor.WorkerInfo> snapshot() {
        Map<Integer, ClusterExecutor.WorkerInfo> m = new HashMap<>();
        for (ClusterExecutor.WorkerInfo w : cluster.workers()) {
            m.put(w.id(), w);
        }
        return m;
    }
}
