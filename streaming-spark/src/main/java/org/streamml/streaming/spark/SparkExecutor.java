package org.streamml.streaming.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.HashPartitioner;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.streamml.streaming.DistributedExecutor;
import org.streamml.streaming.LocalExecutor;
import org.streamml.streaming.Time;
import scala.Tuple2;

/**
 * Apache Spark as a StreamML executor: every partition task of a batch (a map, a source's partition read,
 * each side of a key shuffle) runs as a Spark task, one task per StreamML partition, through Spark's
 * scheduler, on Spark's executors, with Spark's task retry. StreamML's functions travel under Spark's closure
 * serializer (Java serialization; they are {@link java.io.Serializable}) and records under Kryo, which an
 * executor of its own configures ({@code spark.serializer}); an application's context passed to
 * {@link #of} should set {@code spark.serializer=org.apache.spark.serializer.KryoSerializer} and
 * {@code spark.kryo.registrator=}{@link StreamMLKryoRegistrator} too.
 *
 * <p>Two ways to get one: {@code --master spark://HOST:PORT} or {@code spark-local[N]} through
 * {@link SparkExecutorProvider} (this executor then owns its {@link JavaSparkContext} and stops it on
 * {@link #close}), or {@link #of(JavaSparkContext)} inside a Spark application that has its own context
 * (which stays the application's).
 *
 * <p>Computed partitions stay in Spark: each operation that computes partitions is one RDD (one task per
 * StreamML partition), persisted in the block managers of the executors that computed it, and the driver
 * holds {@link SparkPartition} handles. A later operation given those handles (anywhere inside its tasks'
 * inputs) depends on them narrowly, so its tasks run where the blocks are and read them locally, and a block
 * lost with its executor is computed again by Spark from its lineage, down to the source's offsets. Key
 * shuffles are Spark shuffles. Records reach the driver only when the program reads them ({@code collect},
 * a learner's model). The RDDs of a batch are unpersisted once no stream remembers it
 * ({@link #releaseBatchesUpTo}); Spark's context cleaner drops the others once unreferenced.
 */
public final class SparkExecutor implements DistributedExecutor {
    private final JavaSparkContext spark;
    private final boolean owned;
    private final LocalExecutor driverTasks;
    private final TaskCounter tasks = new TaskCounter();
    private final java.util.NavigableMap<Long, List<RDD<?>>> rddsByBatch = new java.util.TreeMap<>();
    private long currentBatch = Long.MIN_VALUE;

    private SparkExecutor(JavaSparkContext spark, boolean owned) {
        this.spark = Objects.requireNonNull(spark, "spark context");
        this.owned = owned;
        this.driverTasks = new LocalExecutor(Math.max(1, Runtime.getRuntime().availableProcessors()));
        spark.sc().addSparkListener(tasks);
    }

    /** An executor running its tasks on {@code spark}, an application's context, which it never stops. */
    public static SparkExecutor of(JavaSparkContext spark) {
        return new SparkExecutor(spark, false);
    }

    /**
     * An executor on a context of its own for the Spark master URL {@code sparkMaster} ({@code local[N]},
     * {@code spark://HOST:PORT}), stopped by {@link #close}.
     */
    public static SparkExecutor start(String sparkMaster, String appName) {
        return start(new SparkConf().setMaster(sparkMaster).setAppName(appName));
    }

    /**
     * An executor on a context of its own made with {@code conf} (master and application name set), with
     * StreamML's serialization settings unless {@code conf} has its own; stopped by {@link #close}.
     */
    public static SparkExecutor start(SparkConf conf) {
        conf.setIfMissing("spark.ui.enabled", "false")
                // Records travel under Kryo (no registration needed: Optional, records, arrays); closures
                // under Java serialization, which StreamML's functions support.
                .setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .setIfMissing("spark.kryo.registrator", StreamMLKryoRegistrator.class.getName());
        if (onLoopback(conf.get("spark.master", ""))) {
            // in-process, or a cluster on this machine: keep the driver off the network. A master on
            // another machine needs a driver address its executors can reach, which Spark finds itself.
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return new SparkExecutor(new JavaSparkContext(conf), true);
    }

    /** Whether {@code master} runs in this process ({@code local...}) or names only loopback hosts. */
    static boolean onLoopback(String master) {
        if (master.startsWith("local")) {
            return true;
        }
        if (!master.startsWith("spark://")) {
            return false;
        }
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.lastIndexOf(':')) : hostPort;
            if (!(host.equals("localhost") || host.startsWith("127."))) {
                return false;
            }
        }
        return true;
    }

    /** The Spark context the tasks run on. */
    public JavaSparkContext sparkContext() {
        return spark;
    }

    /** Driver-side tasks (closures that are not shipped) run on the driver's threads. */
    @Override
    public <R> List<R> runTasks(int numTasks, PartitionTask<R> task) {
        return driverTasks.runTasks(numTasks, task);
    }

    /**
     * One Spark task per input, in input order: task {@code i} applies {@code f} to {@code inputs.get(i)}, on the
     * executor holding the kept partitions in it; the results come back to the driver.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <I, R> List<R> runOnPartitions(List<I> inputs, PartitionFunction<I, R> f) {
        if (inputs.isEmpty()) {
            return new ArrayList<>();
        }
        TaskRDD rdd = TaskRDD.over(spark.sc(), inputs, applying(f));
        return (List<R>) rdd.toJavaRDD().collect();
    }

    private static <I, R> TaskRDD.Body applying(PartitionFunction<I, R> f) {
        return (index, input) -> {
            @SuppressWarnings("unchecked")
            R r = f.apply((I) input);
            return java.util.Collections.singletonList(r).iterator();
        };
    }

    private static <I, R> TaskRDD.Body computing(PartitionFunction<I, List<R>> f, CollectionAccumulator<Long> sizes) {
        return (index, input) -> {
            @SuppressWarnings("unchecked")
            List<R> r = f.apply((I) input);
            sizes.add(PartitionSizes.report(index, r.size()));
            return r.iterator();
        };
    }

    /**
     * Partition {@code i} is computed from {@code inputs.get(i)} by one Spark task and stays persisted where it
     * was computed; returns the handles at once. No job runs here: the job of the operation that reads the
     * partitions next computes them on its way (narrow dependencies, in the same stage), so a source read, a
     * map and a learner's update are one job per batch, as in Spark. A partition's size is reported by the
     * task that computed it ({@link PartitionSizes}).
     */
    @Override
    public <I, R> List<List<R>> computePartitions(List<I> inputs, PartitionFunction<I, List<R>> f) {
        if (inputs.isEmpty()) {
            return new ArrayList<>();
        }
        PartitionSizes sizes = new PartitionSizes(spark.sc(), inputs.size());
        return keep(TaskRDD.over(spark.sc(), inputs, computing(f, sizes.accumulator())), sizes);
    }

    /** Persists {@code rdd}, whose tasks report their sizes to {@code sizes}, and returns its partitions' handles. */
    @SuppressWarnings("unchecked")
    private <R> List<List<R>> keep(RDD<?> rdd, PartitionSizes sizes) {
        rdd.persist(StorageLevel.MEMORY_AND_DISK());
        sizes.of(rdd);
        synchronized (rddsByBatch) {
            if (currentBatch != Long.MIN_VALUE) {
                rddsByBatch.computeIfAbsent(currentBatch, t -> new ArrayList<>()).add(rdd);
            }
        }
        int n = rdd.getNumPartitions();
        List<List<R>> handles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            handles.add(new SparkPartition<>((RDD<R>) rdd, i, sizes));
        }
        return handles;
    }

    /**
     * A Spark shuffle: the map tasks (one per input, where its kept partitions are) write bucket {@code r} of
     * their output for reducer {@code r} through Spark's shuffle; reduce task {@code r} takes its bucket of
     * every map output, in input order, and its result stays persisted like {@link #computePartitions}'.
     */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <I, B, R> List<List<R>> shuffle(List<I> inputs, PartitionFunction<I, List<B>> map, int reducers,
                                           PartitionFunction<List<B>, List<R>> reduce) {
        if (inputs.isEmpty()) {
            return computePartitions(java.util.Collections.nCopies(reducers, List.<B>of()), reduce);
        }
        int maps = inputs.size();
        PartitionSizes sizes = new PartitionSizes(spark.sc(), reducers);
        TaskRDD mapSide = TaskRDD.over(spark.sc(), inputs, bucketing(map, reducers));
        JavaPairRDD<Integer, Tuple2<Integer, Object>> pairs = JavaPairRDD.fromJavaRDD(
                (org.apache.spark.api.java.JavaRDD) mapSide.toJavaRDD());
        JavaRDD<Object> reduced = pairs.partitionBy(new HashPartitioner(reducers))
                .mapPartitionsWithIndex(reducing(reduce, maps, sizes.accumulator()), true);
        return keep(reduced.rdd(), sizes);
    }

    private static <I, B> TaskRDD.Body bucketing(PartitionFunction<I, List<B>> map, int reducers) {
        return (index, input) -> {
            @SuppressWarnings("unchecked")
            List<B> buckets = map.apply((I) input);
            if (buckets.size() != reducers) {
                throw new IllegalStateException("a shuffle's map task made " + buckets.size() + " buckets for "
                        + reducers + " reducers");
            }
            List<Tuple2<Integer, Tuple2<Integer, Object>>> out = new ArrayList<>(reducers);
            for (int r = 0; r < reducers; r++) {
                out.add(new Tuple2<>(r, new Tuple2<>(index, buckets.get(r))));
            }
            return out.iterator();
        };
    }

    private static <B, R> org.apache.spark.api.java.function.Function2<Integer, Iterator<Tuple2<Integer,
            Tuple2<Integer, Object>>>, Iterator<Object>> reducing(PartitionFunction<List<B>, List<R>> reduce, int maps,
                                                                  CollectionAccumulator<Long> sizes) {
        return (index, it) -> {
            Object[] byMap = new Object[maps];
            int seen = 0;
            while (it.hasNext()) {
                Tuple2<Integer, Object> bucket = it.next()._2();
                if (byMap[bucket._1()] == null) {
                    seen++;
                }
                byMap[bucket._1()] = bucket._2();
            }
            if (seen != maps) {
                throw new IllegalStateException("a shuffle's reduce task received the buckets of " + seen + " of "
                        + maps + " map tasks");
            }
            List<B> buckets = new ArrayList<>(maps);
            for (Object b : byMap) {
                @SuppressWarnings("unchecked")
                B bucket = (B) b;
                buckets.add(bucket);
            }
            List<R> reduced = reduce.apply(buckets);
            sizes.add(PartitionSizes.report(index, reduced.size()));
            @SuppressWarnings("unchecked")
            Iterator<Object> out = (Iterator<Object>) (Iterator<?>) reduced.iterator();
            return out;
        };
    }

    @Override
    public List<TaskPlace> taskPlaces() {
        return tasks.places();
    }

    /** The records of {@code partitions}, read to the driver: recomputing them starts from this copy. */
    @Override
    public <T> List<List<T>> checkpoint(List<List<T>> partitions) {
        List<List<T>> copy = new ArrayList<>(partitions.size());
        for (List<T> p : partitions) {
            copy.add(new ArrayList<>(p));
        }
        return copy;
    }

    @Override
    public void enterBatch(Time time) {
        synchronized (rddsByBatch) {
            currentBatch = time.millis();
        }
    }

    /** Unpersists the RDDs computed for batches at or before {@code time}; Spark recomputes one needed again. */
    @Override
    public void releaseBatchesUpTo(Time time) {
        List<RDD<?>> done = new ArrayList<>();
        synchronized (rddsByBatch) {
            java.util.NavigableMap<Long, List<RDD<?>>> head = rddsByBatch.headMap(time.millis(), true);
            head.values().forEach(done::addAll);
            head.clear();
            if (time.millis() == Long.MAX_VALUE) {
                currentBatch = Long.MIN_VALUE;
            }
        }
        for (RDD<?> rdd : done) {
            try {
                rdd.unpersist(false);
            } catch (Exception e) {
                // Spark's RPC throws a (Scala-unchecked) InterruptedException when the context is being
                // stopped; the blocks go with the application, so there is nothing left to release.
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (spark.sc().isStopped()) {
                    return;
                }
                throw e;
            }
        }
    }

    /**
     * Serializes {@code function} as Spark's closure serializer will (Java serialization), so that a function
     * capturing something unserializable fails at {@code start()} naming its operation and the culprit.
     */
    @Override
    public void checkShippable(String operation, Object function) {
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())) {
            out.writeObject(function);
        } catch (java.io.NotSerializableException e) {
            throw new IllegalArgumentException("the function of " + operation + " cannot be sent to Spark's"
                    + " executors: it captures a " + e.getMessage() + ", which is not serializable (make it"
                    + " Serializable, or create it inside the function)", e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the function of " + operation + " cannot be sent to Spark's"
                    + " executors: " + e, e);
        }
    }

    /** Spark's default parallelism: the cores of its executors. */
    @Override
    public int parallelism() {
        return spark.defaultParallelism();
    }

    /** Stops the Spark context if this executor started it. */
    @Override
    public void close() {
        spark.sc().removeSparkListener(tasks);
        driverTasks.close();
        if (owned) {
            spark.stop();
        }
    }

}
