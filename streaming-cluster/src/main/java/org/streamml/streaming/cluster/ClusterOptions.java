package org.streamml.streaming.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings of a cluster driver (and, where they apply, of its workers).
 *
 * @param bindHost the address the driver listens on; loopback unless told otherwise
 * @param port the port the driver listens on; 0 picks a free one
 * @param secret the shared secret workers must prove they know, or {@code null} for none
 * @param maxFrameBytes the largest message either side accepts, >= 1024; a task input, function or
 *     result over this fails its task, and a peer sending a bigger frame is disconnected
 * @param heartbeatIntervalMillis how often each side sends a heartbeat when it has nothing else to send
 * @param heartbeatTimeoutMillis silence after which a peer counts as gone, > the interval
 * @param noWorkerTimeoutMillis how long tasks wait for a worker to join when there is none before the
 *     batch fails, >= 0
 * @param maxTaskAttempts how many times a task is started before its batch fails, counting the runs lost
 *     with their workers, >= 1
 * @param classes the program's own record types to register with kryo, in order (sent to workers)
 * @param workerCacheRecords how many records each worker keeps in its block store (the partitions it
 *     computed, kept for the tasks that read them next) before it evicts the least recently used blocks,
 *     which are then recomputed from their lineage if needed again; >= 1
 */
public record ClusterOptions(String bindHost, int port, String secret, int maxFrameBytes,
                             long heartbeatIntervalMillis, long heartbeatTimeoutMillis,
                             long noWorkerTimeoutMillis, int maxTaskAttempts, List<Class<?>> classes,
                             long workerCacheRecords) {

    /** Validates the settings. */
    public ClusterOptions {
        Objects.requireNonNull(bindHost, "bindHost");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
        if (secret != null && secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty (use null for no secret)");
        }
        if (maxFrameBytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes must be >= 1024: " + maxFrameBytes);
        }
        if (heartbeatIntervalMillis < 1) {
            throw new IllegalArgumentException("heartbeatIntervalMillis must be >= 1: " + heartbeatIntervalMillis);
        }
        if (heartbeatTimeoutMillis <= heartbeatIntervalMillis) {
            throw new IllegalArgumentException("heartbeatTimeoutMillis must be > the heartbeat interval ("
                    + heartbeatIntervalMillis + "): " + heartbeatTimeoutMillis);
        }
        if (noWorkerTimeoutMillis < 0) {
            throw new IllegalArgumentException("noWorkerTimeoutMillis must be >= 0: " + noWorkerTimeoutMillis);
        }
        if (maxTaskAttempts < 1) {
            throw new IllegalArgumentException("maxTaskAttempts must be >= 1: " + maxTaskAttempts);
        }
        classes = List.copyOf(classes);
        if (workerCacheRecords < 1) {
            throw new IllegalArgumentException("workerCacheRecords must be >= 1: " + workerCacheRecords);
        }
    }

    /**
     * Loopback, a free port, no secret, 64 MiB frames, heartbeats every second with a 10 s timeout, 30 s
     * of waiting for a worker, 4 attempts per task, no extra classes, 10 million cached records per worker.
     */
    public static ClusterOptions defaults() {
        return new ClusterOptions("127.0.0.1", 0, null, 64 << 20, 1000, 10_000, 30_000, 4, List.of(), 10_000_000L);
    }

    /** A copy listening on {@code host} and {@code port}. */
    public ClusterOptions withBind(String host, int p) {
        return new ClusterOptions(host, p, secret, maxFrameBytes, heartbeatIntervalMillis, heartbeatTimeoutMillis,
                noWorkerTimeoutMillis, maxTaskAttempts, classes, workerCacheRecords);
    }

    /** A copy requiring workers to know {@code s} ({@code null}: no secret). */
    public ClusterOptions withSecret(String s) {
        return new ClusterOptions(bindHost, port, s, maxFrameBytes, heartbeatIntervalMillis, heartbeatTimeoutMillis,
                noWorkerTimeoutMillis, maxTaskAttempts, classes, workerCacheRecords);
    }

    /** A copy with another maximum frame size. */
    public ClusterOptions withMaxFrameBytes(int bytes) {
        return new ClusterOptions(bindHost, port, secret, bytes, heartbeatIntervalMillis, heartbeatTimeoutMillis,
                noWorkerTimeoutMillis, maxTaskAttempts, classes, workerCacheRecords);
    }

    /** A copy with another heartbeat interval and timeout. */
    public ClusterOptions withHeartbeat(long intervalMillis, long timeoutMillis) {
        return new ClusterOptions(bindHost, port, secret, maxFrameBytes, intervalMillis, timeoutMillis,
                noWorkerTimeoutMillis, maxTaskAttempts, classes, workerCacheRecords);
    }

    /** A copy waiting {@code millis} for a worker when none is connected. */
    public ClusterOptions withNoWorkerTimeout(long millis) {
        return new ClusterOptions(bindHost, port, secret, maxFrameBytes, heartbeatIntervalMillis,
                heartbeatTimeoutMillis, millis, maxTaskAttempts, classes, workerCacheRecords);
    }

    /** A copy with another number of attempts per task. */
    public ClusterOptions withMaxTaskAttempts(int attempts) {
        return new ClusterOptions(bindHost, port, secret, maxFrameBytes, heartbeatIntervalMillis,
                heartbeatTimeoutMillis, noWorkerTimeoutMillis, attempts, classes, workerCacheRecords);
    }

    /** A copy whose workers keep at most {@code records} records in their block stores. */
    public ClusterOptions withWorkerCacheRecords(long records) {
        return new ClusterOptions(bindHost, port, secret, maxFrameBytes, heartbeatIntervalMillis,
                heartbeatTimeoutMillis, noWorkerTimeoutMillis, maxTaskAttempts, classes, records);
    }

    /**
     * A copy that also registers {@code types} with kryo on the driver and on every worker (which
     * receive the list when they join). Register every class of the records, keys, values and
     * accumulators your functions produce or capture, except JDK collections, boxed primitives, strings,
     * primitive arrays and the engine's own types, which are always registered.
     */
    public ClusterOptions registerClasses(Class<?>... types) {
        List<Class<?>> all = new ArrayList<>(classes);
        all.addAll(List.of(types));
        return new ClusterOptions(bindHost, port, secret, maxFrameBytes, heartbeatIntervalMillis,
                heartbeatTimeoutMillis, noWorkerTimeoutMillis, maxTaskAttempts, all, workerCacheRecords);
    }

    @Override
    public String toString() {
        return "ClusterOptions[bind=" + bindHost + ":" + port + ", secret=" + (secret == null ? "none" : "***")
                + ", maxFrameBytes=" + maxFrameBytes + ", heartbeat=" + heartbeatIntervalMillis + "/"
                + heartbeatTimeoutMillis + " ms, noWorkerTimeout=" + noWorkerTimeoutMillis + " ms, maxTaskAttempts="
                + maxTaskAttempts + ", classes=" + classes + ", workerCacheRecords=" + workerCacheRecords + "]";
    }
}
