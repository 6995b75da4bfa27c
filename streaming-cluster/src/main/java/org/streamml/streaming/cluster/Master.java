package org.streamml.streaming.cluster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.LocalExecutor;
import org.streamml.streaming.LocalExecutorProvider;
import org.streamml.streaming.StreamingContext;

/**
 * A parsed {@code --master} string of this module's provider (internal: other modules go through
 * {@link org.streamml.streaming.Masters} and {@code StreamingContext.Options.withMaster}):
 * <ul>
 *   <li>{@code local}, {@code local[N]}, {@code local[*]}: N threads of this process ({@code local} is one
 *       thread, as in Spark, {@code local[*]} one per processor);</li>
 *   <li>{@code local-cluster[N]} or {@code local-cluster[N,C]}: N worker processes of C cores (default 1)
 *       started on this machine and stopped at the end; N is at most {@link #maxLocalClusterWorkers()}
 *       and C at most {@link LocalExecutorProvider#maxThreads()};</li>
 *   <li>{@code cluster://HOST:PORT}: listen on HOST:PORT for workers started with
 *       {@code streamml worker --master HOST:PORT}.</li>
 * </ul>
 * The engine does not use this type: it finds executors by master string through the
 * {@link org.streamml.streaming.ExecutorProvider} services ({@link org.streamml.streaming.Masters}), this
 * module's being {@link ClusterExecutorProvider}, which parses with it.
 *
 * @param kind the kind of master
 * @param workers threads for {@code LOCAL}, worker processes for {@code LOCAL_CLUSTER}, else 0
 * @param cores cores per local worker process for {@code LOCAL_CLUSTER}, else 0
 * @param address the address to listen on for {@code CLUSTER}, else {@code null}
 */
record Master(Kind kind, int workers, int cores, HostPort address) {
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[(\\d+)(?:,(\\d+))?]");
    private static final String CLUSTER_PREFIX = "cluster://";

    /** The fewest worker processes {@link #maxLocalClusterWorkers()} allows on any machine. */
    public static final int MIN_LOCAL_CLUSTER_LIMIT = 8;

    /**
     * The most worker processes a {@code local-cluster[N]} master may start: {@code max(2 × processors, 8)}
     * (each is a JVM of its own); its cores per worker are bounded as {@code local[N]}'s threads
     * ({@link LocalExecutorProvider#maxThreads()}).
     */
    public static int maxLocalClusterWorkers() {
        return Math.max(2 * Runtime.getRuntime().availableProcessors(), MIN_LOCAL_CLUSTER_LIMIT);
    }

    /** The kinds of master. */
    public enum Kind {
        /** Threads of this process. */
        LOCAL,
        /** Worker processes started on this machine. */
        LOCAL_CLUSTER,
        /** Workers that connect from anywhere. */
        CLUSTER
    }

    /** Validates the fields. */
    public Master {
        java.util.Objects.requireNonNull(kind, "kind");
        if (kind != Kind.CLUSTER && workers < 1) {
            throw new IllegalArgumentException("the number of " + (kind == Kind.LOCAL ? "threads" : "workers")
                    + " must be >= 1: " + workers);
        }
        if (kind == Kind.LOCAL_CLUSTER && cores < 1) {
            throw new IllegalArgumentException("cores per worker must be >= 1: " + cores);
        }
        if (kind == Kind.CLUSTER && address == null) {
            throw new IllegalArgumentException("a cluster master needs an address");
        }
    }

    /** Parses a master string; the error lists the accepted forms. */
    public static Master parse(String text) {
        String t = text.strip();
        if (LOCAL.matcher(t).matches()) {
            // As in Spark: "local" is one thread, "local[*]" one per processor; bounded by the machine.
            return new Master(Kind.LOCAL, LocalExecutorProvider.threads(text), 0, null);
        }
        try {
            Matcher m = LOCAL_CLUSTER.matcher(t);
            if (m.matches()) {
                int cores = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                int workers = Integer.parseInt(m.group(1));
                int maxWorkers = maxLocalClusterWorkers();
                if (workers > maxWorkers) {
                    throw new IllegalArgumentException("at most " + maxWorkers + " worker processes on this machine"
                            + " (max(2 x " + Runtime.getRuntime().availableProcessors() + " processors, "
                            + MIN_LOCAL_CLUSTER_LIMIT + ")): " + workers);
                }
                int maxCores = LocalExecutorProvider.maxThreads();
                if (cores > maxCores) {
                    throw new IllegalArgumentException("at most " + maxCores + " cores per worker on this machine"
                            + " (the limit of local[N]): " + cores);
                }
                return new Master(Kind.LOCAL_CLUSTER, workers, cores, null);
            }
            if (t.startsWith(CLUSTER_PREFIX)) {
                return new Master(Kind.CLUSTER, 0, 0, HostPort.parse(t.substring(CLUSTER_PREFIX.length())));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("number out of range in master '" + text + "'", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid master '" + text + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("invalid master '" + text + "': expected local, local[N], local[*],"
                + " local-cluster[N], local-cluster[N,CORES] or cluster://HOST:PORT");
    }

    /** Whether tasks run in other processes. */
    public boolean isCluster() {
        return kind != Kind.LOCAL;
    }

    /**
     * A new executor for this master: a {@link LocalExecutor}, or a {@link ClusterExecutor} (for
     * {@code local-cluster}, once its workers have joined). A {@code cluster://} driver given no secret in
     * {@code options} takes the one in {@code $STREAMML_CLUSTER_SECRET}, as {@code streamml worker} does.
     * The caller closes it.
     */
    public BatchExecutor createExecutor(ClusterOptions options) {
        return switch (kind) {
            case LOCAL -> new LocalExecutor(workers);
            case LOCAL_CLUSTER -> ClusterExecutor.localCluster(workers, cores, options);
            case CLUSTER -> ClusterExecutor.listen(withEnvironmentSecret(options, System.getenv(SECRET_ENV))
                    .withBind(address.host(), address.port()));
        };
    }

    /** The variable that holds the shared secret of drivers and workers that are given none otherwise. */
    static final String SECRET_ENV = ClusterExecutorProvider.SECRET_ENV;

    /** {@code options} with {@code secret} as the shared secret if they have none and it is set. */
    static ClusterOptions withEnvironmentSecret(ClusterOptions options, String secret) {
        return options.secret() == null && secret != null && !secret.isBlank() ? options.withSecret(secret.strip())
                : options;
    }

    /**
     * {@code options} running on this master: with this many threads for {@code local}, else with a new
     * cluster executor, which the context closes when it stops.
     */
    public StreamingContext.Options applyTo(StreamingContext.Options options, ClusterOptions cluster) {
        return kind == Kind.LOCAL ? options.withThreads(workers) : options.withExecutor(createExecutor(cluster));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case LOCAL -> "local[" + workers + "]";
            case LOCAL_CLUSTER -> "local-cluster[" + workers + "," + cores + "]";
            case CLUSTER -> CLUSTER_PREFIX + address;
        };
    }
}
