package org.streamml.streaming.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.LocalExecutor;

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
 * <p>This first version hands each task its input and takes its result back through the driver (as the
 * local executor does); keeping computed partitions in Spark's block manager between operations, and key
 * shuffles through Spark's shuffle, come with the rest of the executor.
 */
public final class SparkExecutor implements BatchExecutor {
    private final JavaSparkContext spark;
    private final boolean owned;
    private final LocalExecutor driverTasks;

    private SparkExecutor(JavaSparkContext spark, boolean owned) {
        this.spark = Objects.requireNonNull(spark, "spark context");
        this.owned = owned;
        this.driverTasks = new LocalExecutor(Math.max(1, Runtime.getRuntime().availableProcessors()));
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

    /** One Spark task per input, in input order: task {@code i} applies {@code f} to {@code inputs.get(i)}. */
    @Override
    public <I, R> List<R> runOnPartitions(List<I> inputs, PartitionFunction<I, R> f) {
        if (inputs.isEmpty()) {
            return new ArrayList<>();
        }
        // parallelize slices a list of n elements into n partitions of one element each, in order
        return spark.parallelize(new ArrayList<>(inputs), inputs.size())
                .mapPartitions((Iterator<I> it) -> {
                    List<R> out = new ArrayList<>(1);
                    while (it.hasNext()) {
                        out.add(f.apply(it.next()));
                    }
                    return out.iterator();
                }).collect();
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
        driverTasks.close();
        if (owned) {
            spark.stop();
        }
    }

}
