package org.streamml.streaming.api.java;

import java.time.Duration;
import java.util.Objects;
import org.streamml.streaming.ExecutorSettings;
import org.streamml.streaming.StreamingContext;

/**
 * Spark's {@code JavaStreamingContext} over a {@link StreamingContext}: {@code new JavaStreamingContext(conf,
 * Durations.seconds(1))}, {@link #textFileStream}, {@link #socketTextStream}, {@link #start},
 * {@link #awaitTermination}, {@link #stop}. {@link #ssc()} is the engine's context, for everything else.
 */
public final class JavaStreamingContext implements AutoCloseable {
    private final StreamingContext ssc;

    /** A context of {@code batchDuration} on the master {@code conf} names (the embedded engine without one). */
    public JavaStreamingContext(SparkConf conf, Duration batchDuration) {
        Objects.requireNonNull(conf, "conf");
        StreamingContext.Options options = StreamingContext.Options.defaults().withBatchInterval(batchDuration);
        String master = conf.get("spark.master", null);
        if (master != null) {
            options = options.withMaster(master, ExecutorSettings.defaults());
        }
        this.ssc = new StreamingContext(options);
    }

    /** The Java view of the engine's context {@code ssc} (Spark's {@code new JavaStreamingContext(ssc)}). */
    public JavaStreamingContext(StreamingContext ssc) {
        this.ssc = Objects.requireNonNull(ssc, "ssc");
    }

    /** The engine's context. */
    public StreamingContext ssc() {
        return ssc;
    }

    /** The lines of text files newly appearing in {@code directory}: {@link StreamingContext#textFileStream}. */
    public JavaDStream<String> textFileStream(String directory) {
        return new JavaDStream<>(ssc.textFileStream(directory));
    }

    /** Text lines from the server at {@code host:port}: {@link StreamingContext#socketTextStream(String, int)}. */
    public JavaDStream<String> socketTextStream(String host, int port) {
        return new JavaDStream<>(ssc.socketTextStream(host, port));
    }

    /** Starts the streams. */
    public void start() {
        ssc.start();
    }

    /** Waits until the context stops (an error stops it, and is thrown here). */
    public void awaitTermination() throws InterruptedException {
        ssc.awaitTermination();
    }

    /** Waits at most {@code timeoutMillis}; whether the context stopped. */
    public boolean awaitTerminationOrTimeout(long timeoutMillis) throws InterruptedException {
        return ssc.awaitTerminationOrTimeout(timeoutMillis);
    }

    /** Stops the streams and the context's executor. */
    public void stop() {
        ssc.stop();
    }

    /** {@link #stop}. */
    @Override
    public void close() {
        ssc.close();
    }
}
