package org.streamml.streaming;

import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.streamml.streaming.checkpoint.Checkpoint;
import org.streamml.streaming.checkpoint.CheckpointException;
import org.streamml.streaming.checkpoint.CheckpointStore;
import org.streamml.streaming.checkpoint.ValueCodec;
import org.streamml.streaming.checkpoint.Values;

import java.time.Duration;

import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import org.streamml.streaming.source.DirectorySource;
import org.streamml.streaming.source.FileReplaySource;
import org.streamml.streaming.source.IterableSource;
import org.streamml.streaming.source.QueueSource;
import org.streamml.streaming.source.SocketTextSource;

/**
 * The entry point of the engine: declares input streams, then runs a batch every batch interval until
 * stopped. Lifecycle {@code INITIALIZED -> ACTIVE -> STOPPED}: streams and output operations are added
 * while initialized, {@link #start()} needs at least one output operation, and a stopped context cannot
 * be started again.
 *
 * <pre>{@code
 * try (StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
 *         .withBatchInterval(Duration.ofSeconds(5)))) {
 *     DStream<String> tweets = ssc.fromIterable(generator, 1000);
 *     tweets.flatMap(Hashtags::of).countByValue().print();
 *     ssc.start();
 *     ssc.awaitTermination();       // rethrows the first failure of a batch
 * }
 * }</pre>
 *
 * <p>When every input source is finite and exhausted, the context stops by itself after the batch that
 * drained them (unless {@link Options#stopWhenInputsExhausted()} is off), so replaying a file ends.
 */
public final class StreamingContext implements AutoCloseable {

    /**
     * The context's settings.
     *
     * @param batchInterval the interval between batches, > 0
     * @param clock the clock that fires batches
     * @param defaultPartitions partitions of input streams unless a stream says otherwise, >= 1
     * @param threads executor threads, >= 1 (ignored when {@code executor} or {@code master} is given)
     * @param executor the executor to use, or {@code null} for one made from {@code master}
     * @param stopWhenInputsExhausted whether to stop after the batch in which every source ran out
     * @param master the {@code --master} string the context creates its executor from ({@link Masters}), or
     *        {@code null} for a {@link LocalExecutor} of {@code threads}; ignored when {@code executor} is given
     * @param executorSettings what the executor made from {@code master} is told (wire types, secret)
     */
    public record Options(Duration batchInterval, Clock clock, int defaultPartitions, int threads,
                          BatchExecutor executor, boolean stopWhenInputsExhausted, String master,
                          ExecutorSettings executorSettings) {

        /** Validates the settings. */
        public Options {
            Objects.requireNonNull(batchInterval, "batchInterval");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(executorSettings, "executorSettings");
            Durations.requireMillis(batchInterval, "batch interval");
            if (defaultPartitions < 1) {
                throw new IllegalArgumentException("partitions must be >= 1: " + defaultPartitions);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1: " + threads);
            }
        }

        /** Settings with no master: a context runs on a {@link LocalExecutor} of {@code threads}, or on {@code executor}. */
        public Options(Duration batchInterval, Clock clock, int defaultPartitions, int threads,
                       BatchExecutor executor, boolean stopWhenInputsExhausted) {
            this(batchInterval, clock, defaultPartitions, threads, executor, stopWhenInputsExhausted, null,
                    ExecutorSettings.defaults());
        }

        /** One-second batches on the system clock, one partition and one thread per processor. */
        public static Options defaults() {
            int cpus = Runtime.getRuntime().availableProcessors();
            return new Options(Duration.ofSeconds(1), Clock.system(), cpus, cpus, null, true);
        }

        /** A copy with another batch interval. */
        public Options withBatchInterval(Duration d) {
            return new Options(d, clock, defaultPartitions, threads, executor, stopWhenInputsExhausted, master,
                    executorSettings);
        }

        /** A copy with another clock. */
        public Options withClock(Clock c) {
            return new Options(batchInterval, c, defaultPartitions, threads, executor, stopWhenInputsExhausted, master,
                    executorSettings);
        }

        /** A copy with another default partition count. */
        public Options withDefaultPartitions(int p) {
            return new Options(batchInterval, clock, p, threads, executor, stopWhenInputsExhausted, master,
                    executorSettings);
        }

        /** A copy with another thread count. */
        public Options withThreads(int n) {
            return new Options(batchInterval, clock, defaultPartitions, n, executor, stopWhenInputsExhausted, master,
                    executorSettings);
        }

        /**
         * A copy that uses {@code e} (closed when the context stops; see {@link SharedExecutor} to keep it)
         * instead of a local thread pool or a master.
         */
        public Options withExecutor(BatchExecutor e) {
            return new Options(batchInterval, clock, defaultPartitions, threads, e, stopWhenInputsExhausted, null,
                    executorSettings);
        }

        /** {@link #withMaster(String, ExecutorSettings)} with the default settings. */
        public Options withMaster(String m) {
            return withMaster(m, ExecutorSettings.defaults());
        }

        /**
         * A copy whose context creates its executor from {@code m} ({@code local[4]},
         * {@code local-cluster[2]}, ...) through {@link Masters#create}, telling it {@code settings}, and
         * closes it when it stops. Replaces an executor given before.
         *
         * @throws IllegalArgumentException if no executor provider on the class path accepts {@code m}
         */
        public Options withMaster(String m, ExecutorSettings settings) {
            Masters.provider(m).validate(m.strip());
            return new Options(batchInterval, clock, defaultPartitions, threads, null, stopWhenInputsExhausted, m,
                    Objects.requireNonNull(settings, "settings"));
        }

        /** A copy that does or does not stop when every input is exhausted. */
        public Options withStopWhenInputsExhausted(boolean stop) {
            return new Options(batchInterval, clock, defaultPartitions, threads, executor, stop, master,
                    executorSettings);
        }
    }

    private final Options options;
    private final BatchExecutor executor;
    /** The executor's hooks around batches, looked up once; {@code null} for an executor in this process. */
    private final DistributedExecutor distributed;
    private final DStreamGraph graph = new DStreamGraph(this);
    private final List<StreamingListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private StreamingState state = StreamingState.INITIALIZED;
    private volatile Time zeroTime;
    private JobScheduler scheduler;
    private Throwable failure;
    private final Values checkpointValues = new Values();
    private final List<Checkpointed> checkpointed = new CopyOnWriteArrayList<>();
    private final List<String> checkpointWarnings = new CopyOnWriteArrayList<>();
    private Checkpointer checkpointer;
    private Checkpoint restoreFrom;

    /** A context with {@code options}. */
    public StreamingContext(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.executor = options.executor() != null ? options.executor()
                : options.master() != null ? Masters.create(options.master(), options.executorSettings())
                : new LocalExecutor(options.threads());
        this.distributed = executor instanceof DistributedExecutor d ? d : null;
    }

    /** A context with the default options and {@code batchInterval}. */
    public StreamingContext(Duration batchInterval) {
        this(Options.defaults().withBatchInterval(batchInterval));
    }

    /** The context's settings. */
    public Options options() {
        return options;
    }

    /** The batch interval. */
    public Duration batchInterval() {
        return options.batchInterval();
    }

    /** The clock. */
    public Clock clock() {
        return options.clock();
    }

    /** The default number of partitions of input streams. */
    public int defaultPartitions() {
        return options.defaultPartitions();
    }

    /** The executor that runs partition tasks. */
    public BatchExecutor executor() {
        return executor;
    }

    /** The executor as a {@link DistributedExecutor}, or {@code null} if its tasks run in this process. */
    DistributedExecutor distributed() {
        return distributed;
    }

    /** The time just before the first batch; {@code null} until started. */
    public Time zeroTime() {
        return zeroTime;
    }

    /** The current lifecycle state. */
    public StreamingState state() {
        synchronized (lock) {
            return state;
        }
    }

    DStreamGraph graph() {
        return graph;
    }

    void checkCanAdd() {
        synchronized (lock) {
            if (state != StreamingState.INITIALIZED) {
                throw new IllegalStateException("Adding new inputs, transformations, and output operations after "
                        + (state == StreamingState.ACTIVE ? "starting" : "stopping")
                        + " a context is not supported; add them while the context is INITIALIZED");
            }
        }
    }

    // ------------------------------------------------------------------ sources

    /** An input stream over {@code source} with the default partition count. */
    public <T> InputDStream<T> source(Source<T> source) {
        return source(source, defaultPartitions());
    }

    /**
     * An input stream over {@code source} with {@code partitions} partitions per batch. A source that is
     * also a {@link StreamingListener} is added as one, so it hears how its batches went (a Kafka source
     * lowers its next ranges after a batch that overran, and commits the offsets of completed batches).
     */
    public <T> InputDStream<T> source(Source<T> source, int partitions) {
        InputDStream<T> in = new InputDStream<>(this, "source[" + source.getClass().getSimpleName() + "]", source,
                partitions);
        if (source instanceof StreamingListener listener) {
            addStreamingListener(listener);
        }
        return in;
    }

    /** An input stream taking one list of records per batch from {@code queue} (for tests). */
    public <T> InputDStream<T> queueStream(Queue<? extends List<T>> queue) {
        return queueStream(queue, true);
    }

    /**
     * An input stream taking one list per batch, or all that is queued if not {@code oneAtATime}. A list is
     * split into the default partition count; a batch with no records (the queue drained) has one empty
     * partition, as Spark's queue stream gives.
     */
    public <T> InputDStream<T> queueStream(Queue<? extends List<T>> queue, boolean oneAtATime) {
        return new InputDStream<>(this, "queueStream", new QueueSource<>(queue, oneAtATime), defaultPartitions(), 1);
    }

    /** An input stream taking {@code recordsPerBatch} records per batch from {@code records}. */
    public <T> InputDStream<T> fromIterable(Iterable<T> records, int recordsPerBatch) {
        return new InputDStream<>(this, "fromIterable", new IterableSource<>(records, recordsPerBatch),
                defaultPartitions());
    }

    /**
     * An input stream taking records from {@code records} at {@code recordsPerSecond}: each batch takes
     * the rate times the batch interval (at least one record).
     */
    public <T> InputDStream<T> fromIterableAtRate(Iterable<T> records, double recordsPerSecond) {
        return new InputDStream<>(this, "fromIterable",
                IterableSource.atRate(records, recordsPerSecond, batchInterval().toMillis()), defaultPartitions());
    }

    /**
     * A replay of the lines of {@code file}, {@code linesPerBatch} per batch, streamed from disk; paced
     * by the clock (use a {@link FastForwardClock} to replay as fast as possible). Replayable by line.
     */
    public InputDStream<String> textFileReplay(Path file, int linesPerBatch) {
        return new InputDStream<>(this, "textFileReplay", new FileReplaySource(file, linesPerBatch),
                defaultPartitions());
    }

    /**
     * The lines of text files newly appearing in {@code directory} (Spark's {@code textFileStream}; see
     * {@link DirectorySource}), at most 1,000 files per batch.
     */
    public InputDStream<String> textFileStream(Path directory) {
        return new InputDStream<>(this, "textFileStream", new DirectorySource(directory, 1000), defaultPartitions());
    }

    /** {@link #textFileStream(Path)} of the directory {@code directory} names, as Spark's signature takes it. */
    public InputDStream<String> textFileStream(String directory) {
        return textFileStream(Path.of(Objects.requireNonNull(directory, "directory")));
    }

    /** Text lines received from the server at {@code host:port}, with the default buffer settings. */
    public InputDStream<String> socketTextStream(String host, int port) {
        return socketTextStream(host, port, SocketTextSource.Options.defaults());
    }

    /** Text lines received from the server at {@code host:port} through a bounded buffer ({@code options}). */
    public InputDStream<String> socketTextStream(String host, int port, SocketTextSource.Options options) {
        return new InputDStream<>(this, "socketTextStream", new SocketTextSource(host, port, options),
                defaultPartitions());
    }

    // ------------------------------------------------------------------ lifecycle

    /** Registers a listener for per-batch metrics. */
    public void addStreamingListener(StreamingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    List<StreamingListener> listeners() {
        return listeners;
    }

    // ------------------------------------------------------------------ checkpoints

    /** {@link #checkpoint(Path, int, int)} after every batch, keeping the newest 2 checkpoints. */
    public StreamingContext checkpoint(Path dir) {
        return checkpoint(dir, 1, 2);
    }

    /**
     * Checkpoints this context to {@code dir} after every {@code everyBatches} batches and when it stops
     * gracefully, keeping the newest {@code keep} checkpoints (see {@link CheckpointStore} for the file
     * format). A checkpoint holds the last completed batch time, every replayable source's offsets, the
     * state of every stateful operation (updateStateByKey, mapWithState with its timeout bookkeeping,
     * reduceByKeyAndWindow with an inverse), the batches windows will read back, and every
     * {@link #registerCheckpointed registered} learner's model. Use {@link #getOrCreate} to restart
     * from it. Call while setting up, before {@link #start()}.
     *
     * @return this context
     */
    public StreamingContext checkpoint(Path dir, int everyBatches, int keep) {
        Objects.requireNonNull(dir, "dir");
        if (everyBatches < 1) {
            throw new IllegalArgumentException("checkpoint interval must be >= 1 batch: " + everyBatches);
        }
        checkCanAdd();
        checkpointer = new Checkpointer(this, new CheckpointStore(dir, keep), everyBatches, checkpointValues,
                checkpointed);
        return this;
    }

    /** The checkpoint directory, if {@link #checkpoint} was called. */
    public Optional<Path> checkpointDir() {
        return checkpointer == null ? Optional.empty() : Optional.of(checkpointer.store().dir());
    }

    /**
     * The value encoding of this context's checkpoints; register a {@link ValueCodec} on it for a state type
     * that is neither a record nor one of the types {@link Values} knows.
     */
    public Values checkpointValues() {
        return checkpointValues;
    }

    /**
     * Adds {@code c} (a streaming learner's model) to this context's checkpoints; learners register
     * themselves in {@code trainOn}. Registering the same object twice does nothing.
     *
     * @return the learner's index in the checkpoint
     */
    public int registerCheckpointed(Checkpointed c) {
        Objects.requireNonNull(c, "c");
        checkCanAdd();
        synchronized (lock) {
            int at = checkpointed.indexOf(c);
            if (at >= 0) {
                return at;
            }
            checkpointed.add(c);
            return checkpointed.size() - 1;
        }
    }

    /** The batch time of the checkpoint this context restarts from, if it restarts from one. */
    public Optional<Time> restoredFrom() {
        return restoreFrom == null ? Optional.empty() : Optional.of(Time.ofMillis(restoreFrom.batchTimeMillis()));
    }

    /** What restoring reported without failing: a damaged newest checkpoint skipped, a source that cannot replay. */
    public List<String> checkpointWarnings() {
        return List.copyOf(checkpointWarnings);
    }

    private void warnCheckpoint(String message) {
        checkpointWarnings.add(message);
        LoggerFactory.getLogger(Checkpointer.class).warn(message);
    }

    /**
     * Spark's {@code StreamingContext.getOrCreate}: builds the context with {@code setup} (which declares the
     * streams, outputs and learners and may call {@link #checkpoint}; otherwise it checkpoints to {@code dir}
     * after every batch), then, if {@code dir} holds a checkpoint, arranges for {@link #start()} to continue
     * from it: the batch after the checkpointed one comes next, with every state, window, learner model and
     * source offset as they were. The program must be the same one (same streams in the same order, same
     * learners and options): a checkpoint of another program is refused with a message naming the first
     * difference. A damaged newest checkpoint is skipped for the previous one ({@link #checkpointWarnings}).
     *
     * <pre>{@code
     * StreamingContext ssc = StreamingContext.getOrCreate(dir, () -> {
     *     StreamingContext c = new StreamingContext(options);
     *     c.source(new FileReplaySource(input, 1000)).mapToPair(w -> Pair.of(w, 1L))
     *      .updateStateByKey(SUM).print();
     *     return c;
     * });
     * ssc.start();
     * }</pre>
     *
     * @throws CheckpointException if every checkpoint in {@code dir} is damaged or of another format version
     */
    public static StreamingContext getOrCreate(Path dir, java.util.function.Supplier<StreamingContext> setup) {
        StreamingContext ssc = Objects.requireNonNull(setup.get(), "setup returned null");
        if (ssc.checkpointer == null) {
            ssc.checkpoint(dir);
        } else if (!ssc.checkpointer.store().dir().toAbsolutePath().normalize()
                .equals(dir.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("setup checkpoints to " + ssc.checkpointer.store().dir()
                    + ", getOrCreate was given " + dir);
        }
        return ssc.recover();
    }

    /**
     * Arranges for {@link #start()} to continue from the newest usable checkpoint in the
     * {@link #checkpoint checkpoint directory}, if there is one (otherwise the context starts from the
     * beginning): {@link #getOrCreate} for a program that builds its context itself. Call after declaring
     * the streams, outputs and learners, before {@link #start()}.
     *
     * @return this context
     * @throws IllegalStateException if {@link #checkpoint} was not called
     * @throws CheckpointException   if every checkpoint in the directory is damaged or of another version
     */
    public StreamingContext recover() {
        checkCanAdd();
        if (checkpointer == null) {
            throw new IllegalStateException("recover() needs a checkpoint directory: call checkpoint(dir) first");
        }
        try {
            restoreFrom = checkpointer.store().latest(this::warnCheckpoint).orElse(null);
        } catch (java.io.IOException e) {
            throw new CheckpointException("cannot read the checkpoints in " + checkpointer.store().dir() + ": "
                    + e, e);
        }
        return this;
    }

    /** The checkpoint writer, or {@code null} when this context does not checkpoint. */
    Checkpointer checkpointer() {
        return checkpointer;
    }

    /**
     * Starts running batches. The first batch time is the next multiple of the batch interval on the
     * clock. A second call while active does nothing.
     *
     * @throws IllegalStateException if the context is stopped or has no output operation
     * @throws StreamingException if checkpointing is on and a learner's model or an initial state is of a class
     *                            checkpoints cannot write (naming it), or a restored checkpoint does not fit
     */
    public void start() {
        synchronized (lock) {
            if (state == StreamingState.ACTIVE) {
                return;
            }
            if (state == StreamingState.STOPPED) {
                throw new IllegalStateException("StreamingContext has already been stopped; a stopped context"
                        + " cannot be started again (start() is allowed only when INITIALIZED)");
            }
            if (graph.outputs().isEmpty()) {
                throw new IllegalStateException("No output operations registered, so nothing to execute");
            }
            ShippableFunctions.check(graph, executor);
            long b = batchInterval().toMillis();
            long first = (Math.floorDiv(clock().millis(), b) + 1) * b;
            zeroTime = Time.ofMillis(first - b);
            if (restoreFrom != null) {
                zeroTime = Time.ofMillis(restoreFrom.zeroTimeMillis());
                first = restoreFrom.batchTimeMillis() + b;
            }
            graph.initRemember();
            try {
                if (checkpointer != null) {
                    // Logs open before the sources start: a receiver logs from its first record on.
                    checkpointer.beforeStart(restoreFrom);
                }
                for (DStream<?> s : graph.streams()) {
                    s.onStart();
                }
                if (restoreFrom != null) {
                    checkpointer.restore(restoreFrom);
                }
                if (checkpointer != null) {
                    checkpointer.checkEncodable(Time.ofMillis(first - b));
                }
            } catch (RuntimeException e) {
                for (DStream<?> s : graph.streams()) {
                    s.onStop();
                }
                if (checkpointer != null) {
                    checkpointer.close();
                }
                throw e;
            }
            state = StreamingState.ACTIVE;
            scheduler = new JobScheduler(this, graph, Time.ofMillis(first));
            scheduler.start();
        }
    }

    /**
     * Stops the context. A graceful stop lets the batch in progress complete; otherwise it is
     * interrupted. Idempotent; may be called from inside an output operation.
     */
    public void stop(boolean graceful) {
        JobScheduler s;
        synchronized (lock) {
            if (state == StreamingState.INITIALIZED) {
                state = StreamingState.STOPPED;
                executor.close();
                lock.notifyAll();
                return;
            }
            s = scheduler;
        }
        if (s != null) {
            s.requestStop(graceful);
        }
    }

    /** Stops the context without waiting for the batch in progress. */
    public void stop() {
        stop(false);
    }

    /** Called by the scheduler when it ends: records the failure, releases resources, wakes waiters. */
    void onSchedulerEnded(Throwable error) {
        for (DStream<?> s : graph.streams()) {
            s.onStop();
        }
        executor.close();
        for (StreamingListener l : listeners) {
            try {
                l.onStopped(error);
            } catch (RuntimeException e) {
                System.err.println("streaming listener failed: " + e);
            }
        }
        synchronized (lock) {
            if (failure == null) {
                failure = error;
            }
            state = StreamingState.STOPPED;
            lock.notifyAll();
        }
    }

    /** Blocks until the context stops, then rethrows the failure that stopped it, if any. */
    public void awaitTermination() throws InterruptedException {
        synchronized (lock) {
            while (state != StreamingState.STOPPED) {
                lock.wait();
            }
            rethrowFailure();
        }
    }

    /**
     * Waits at most {@code timeoutMillis} for the context to stop.
     *
     * @return whether it stopped
     * @throws StreamingException the failure that stopped it, if any
     */
    public boolean awaitTerminationOrTimeout(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lock) {
            while (state != StreamingState.STOPPED) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                lock.wait(left);
            }
            rethrowFailure();
            return true;
        }
    }

    private void rethrowFailure() {
        if (failure instanceof StreamingException se) {
            throw se;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new StreamingException(failure.getMessage(), failure);
        }
    }

    /**
     * Waits, at most {@code timeoutMillis}, until the batch at {@code time} has completed or the context
     * stopped; tests advance a {@link ManualClock} and then call this instead of sleeping.
     *
     * @return whether that batch completed
     */
    public boolean awaitBatch(Time time, long timeoutMillis) throws InterruptedException {
        JobScheduler s;
        synchronized (lock) {
            s = scheduler;
        }
        if (s == null) {
            throw new IllegalStateException("the context has not been started");
        }
        return s.awaitCompleted(time, timeoutMillis);
    }

    /** Stops the context (not gracefully) and waits for it to end; for try-with-resources. */
    @Override
    public void close() {
        stop(false);
        try {
            synchronized (lock) {
                while (state != StreamingState.STOPPED) {
                    lock.wait();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
