package org.streamml.streaming.spark;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.ExecutorProvider;
import org.streamml.streaming.ExecutorSettings;

/**
 * The provider of {@code spark://HOST:PORT} (a Spark standalone master) and {@code spark-local[N]} (Spark's
 * in-process mode with N threads, {@code local[N]} to Spark): a {@link SparkExecutor} on a Spark context of
 * its own.
 */
public final class SparkExecutorProvider implements ExecutorProvider {
    private static final Pattern LOCAL = Pattern.compile("spark-local\\[(\\d{1,4})]");
    private static final Pattern STANDALONE = Pattern.compile("spark://[A-Za-z0-9.\\-]+:\\d{1,5}(,[A-Za-z0-9.\\-]+:\\d{1,5})*");

    @Override
    public String module() {
        return "streaming-spark";
    }

    @Override
    public List<String> forms() {
        return List.of("spark://HOST:PORT", "spark-local[N]");
    }

    @Override
    public boolean accepts(String master) {
        return master.startsWith("spark://") || master.startsWith("spark-local");
    }

    @Override
    public void validate(String master) {
        sparkMaster(master);
    }

    /**
     * @throws IllegalArgumentException if Spark is not on the class path (it is the user's, never bundled),
     *                                  saying how to add it
     */
    @Override
    public BatchExecutor create(String master, ExecutorSettings settings) {
        String url = sparkMaster(master);
        try {
            Class.forName("org.apache.spark.api.java.JavaSparkContext", false, getClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("--master " + master + " runs on Apache Spark, which is not on the"
                    + " class path: set SPARK_HOME to a Spark 4 installation (4.2.0 is tested) (./streamml then adds $SPARK_HOME/jars),"
                    + " or launch through spark-submit");
        }
        return SparkExecutor.start(url, "StreamML");
    }

    /** The Spark master URL of a StreamML master. */
    static String sparkMaster(String master) {
        String m = master.strip();
        Matcher local = LOCAL.matcher(m);
        if (local.matches() && Integer.parseInt(local.group(1)) >= 1) {
            return "local[" + local.group(1) + "]";
        }
        if (STANDALONE.matcher(m).matches()) {
            return m;
        }
        throw new IllegalArgumentException("invalid master '" + master + "': expected spark://HOST:PORT or"
                + " spark-local[N] with N >= 1");
    }
}
