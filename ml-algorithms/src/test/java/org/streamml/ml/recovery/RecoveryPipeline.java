package org.streamml.ml.recovery;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.DStream;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.State;
import org.streamml.streaming.StateSpec;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import org.streamml.streaming.Time;
import org.streamml.streaming.checkpoint.ValueCodec;
import org.streamml.streaming.checkpoint.Values;
import org.streamml.streaming.io.AtomicFile;
import org.streamml.streaming.source.FileReplaySource;
import org.streamml.streaming.source.GeneratedSource;
import org.streamml.streaming.source.SocketTextSource;

/**
 * The program of the driver-kill tests, run as its own process: a word stream from file replay (running
 * totals by {@code updateStateByKey}, per-key counts by {@code mapWithState} with a timeout, a
 * {@code reduceByKeyAndWindow} with an inverse, a windowed count) and a generated stream of labelled
 * points (a streaming k-means and a streaming logistic regression). Every output writes one file per
 * batch and operation, atomically, so a batch run twice rewrites the same files.
 *
 * A third stream reads words from a socket receiver ({@link #socketStream}).
 *
 * <p>Arguments: {@code WORDS CHECKPOINT_DIR OUT_DIR SOCKET_PORT [KILL_PHASE KILL_BATCH_MS PID_FILE]}. With a kill
 * point, the process writes its id to {@code PID_FILE} at that point and blocks until the test kills it
 * (SIGKILL): {@code output} inside the first output operation of the batch, {@code model} inside the
 * last one, {@code between} after the batch completed (and was checkpointed), {@code checkpoint} while
 * the checkpoint of the batch is being encoded, {@code received} when the batch starts, with every line
 * of the socket received and logged and most not yet taken.
 */
public final class RecoveryPipeline {
    static final int BATCHES = 12;
    static final int WORDS_PER_BATCH = 25;
    static final int POINTS_PER_BATCH = 60;
    static final int SOCKET_LINES_PER_BATCH = 20;

    /** The running total of a word: a record with a codec of its own, to reach inside a checkpoint write. */
    public record Total(long n) {
    }

    private static volatile long currentBatch;
    private static String killPhase = "";
    private static long killBatch = -1;
    private static Path pidFile;

    private RecoveryPipeline() {
    }

    public static void main(String[] args) throws Exception {
        Path words = Path.of(args[0]);
        Path checkpoint = Path.of(args[1]);
        Path out = Path.of(args[2]);
        int port = Integer.parseInt(args[3]);
        if (args.length > 4) {
            killPhase = args[4];
            killBatch = Long.parseLong(args[5]);
            pidFile = Path.of(args[6]);
        }
        StreamingKMeans[] km = new StreamingKMeans[1];
        StreamingLogisticRegressionWithSGD[] lr = new StreamingLogisticRegressionWithSGD[1];
        StreamingContext ssc = StreamingContext.getOrCreate(checkpoint, () -> {
            StreamingContext c = new StreamingContext(StreamingContext.Options.defaults()
                    .withBatchInterval(Duration.ofSeconds(1)).withClock(new FastForwardClock())
                    .withDefaultPartitions(2).withThreads(2));
            c.checkpointValues().register(new TotalCodec());
            build(c, words, out, km, lr);
            socketStream(c, port, out);
            return c;
        });
        ssc.start();
        ssc.awaitTermination();
        List<String> fin = List.of(
                "kmeans " + describe(km[0].latestModel()),
                "logistic " + describe(lr[0].latestModel()),
                "restored from " + ssc.restoredFrom().map(Time::toString).orElse("nothing"));
        AtomicFile.writeText(out.resolve("final.txt"), w -> w.write(String.join("\n", fin.subList(0, 2)) + "\n"));
        System.out.println(fin.get(2));
    }

    static void build(StreamingContext ssc, Path words, Path out, StreamingKMeans[] km,
                      StreamingLogisticRegressionWithSGD[] lr) {
        DStream<String> lines = ssc.source(new FileReplaySource(words, WORDS_PER_BATCH), 2);
        PairDStream<String, Long> ones = lines.mapToPair(w -> Pair.of(w, 1L));
        write(ones.<Total>updateStateByKey((vs, s) -> Optional.of(new Total(s.map(Total::n).orElse(0L) + vs.size()))),
                "totals", out, "output");
        write(ones.mapWithState(StateSpec.function((String k, Optional<Long> v, State<Long> st) -> {
            if (st.isTimingOut()) {
                return k + " timed out at " + st.get();
            }
            long n = (st.exists() ? st.get() : 0L) + v.orElse(0L);
            st.update(n);
            return k + "=" + n;
        }).timeout(Duration.ofSeconds(3))), "counts", out, null);
        write(ones.reduceByKeyAndWindow((a, b) -> a + b, (a, b) -> a - b, Duration.ofSeconds(4), Duration.ofSeconds(2)),
                "windowed", out, null);
        write(lines.window(Duration.ofSeconds(3), Duration.ofSeconds(1)).count(), "window-count", out, null);

        DStream<LabeledPoint> points = ssc.source(new GeneratedSource<>(7, POINTS_PER_BATCH,
                (long) POINTS_PER_BATCH * BATCHES, (i, r) -> {
                    double x = r.nextGaussian() + (i % 3 == 0 ? 3 : 0);
                    double y = r.nextGaussian();
                    double label = x - 1.5 + 0.5 * y + 0.3 * r.nextGaussian() > 0 ? 1 : 0;
                    return new LabeledPoint(label, DenseVector.wrap(new double[] {x, y}));
                }), 2);
        km[0] = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(3).withDecayFactor(0.9))
                .setRandomCenters(2, 0.0, 42);
        km[0].trainOn(points.map(LabeledPoint::features));
        lr[0] = new StreamingLogisticRegressionWithSGD();
        lr[0].setInitialWeights(DenseVector.wrap(new double[2]));
        lr[0].trainOn(points);
        points.foreachBatch((b, t) -> {
            killPoint("model", t);
            String text = "kmeans " + describe(km[0].latestModel()) + "\nlogistic " + describe(lr[0].latestModel())
                    + "\npoints " + b.count() + "\n";
            AtomicFile.writeText(out.resolve("models-" + t.millis() + ".txt"), w -> w.write(text));
        });
        ssc.addStreamingListener(new StreamingListener() {
            @Override
            public void onBatchStarted(Time batchTime) {
                currentBatch = batchTime.millis();
                try {
                    // between batches: the previous batch and its checkpoint snapshot are complete
                    killPoint("between", batchTime);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    /**
     * Words from a socket receiver (with the write-ahead log, since the context checkpoints) into running
     * totals and per-batch counts. Each batch waits, when it starts, until the server's lines are all
     * received (the server sends them at once and closes), so every run takes the same lines per batch; the
     * {@code received} kill point then kills the driver with lines received and logged but not yet taken.
     */
    static void socketStream(StreamingContext ssc, int port, Path out) {
        SocketTextSource socket = new SocketTextSource("127.0.0.1", port,
                SocketTextSource.Options.defaults().withMaxLinesPerBatch(SOCKET_LINES_PER_BATCH));
        DStream<String> words = ssc.source(socket, 2);
        write(words.mapToPair(w -> Pair.of(w, 1L)).<Total>updateStateByKey((vs, s) ->
                Optional.of(new Total(s.map(Total::n).orElse(0L) + vs.size()))), "socket-totals", out, null);
        write(words.countByValue(), "socket-counts", out, null);
        ssc.addStreamingListener(new StreamingListener() {
            @Override
            public void onBatchStarted(Time batchTime) {
                long deadline = System.nanoTime() + 60_000_000_000L;
                try {
                    while (!socket.isReceiveFinished() && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                    killPoint("received", batchTime);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    private static <T> void write(DStream<T> stream, String name, Path out, String phase) {
        stream.foreachBatch((b, t) -> {
            if (phase != null) {
                killPoint(phase, t);
            }
            List<String> rows = new ArrayList<>();
            for (T x : b.collect()) {
                rows.add(String.valueOf(x));
            }
            rows.sort(null);
            AtomicFile.writeText(out.resolve(name + "-" + t.millis() + ".txt"),
                    w -> w.write(String.join("\n", rows) + "\n"));
        });
    }

    static String describe(KMeansModel m) {
        return Arrays.deepToString(m.centers()) + " weights " + Arrays.toString(m.clusterWeights())
                + " version " + m.version();
    }

    static String describe(LogisticRegressionModel m) {
        return Arrays.toString(m.weights()) + " intercept " + m.intercept() + " version " + m.version();
    }

    private static void killPoint(String phase, Time t) throws IOException, InterruptedException {
        if (phase.equals(killPhase) && t.millis() == killBatch) {
            Path tmp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(ProcessHandle.current().pid()));
            Files.move(tmp, pidFile, StandardCopyOption.ATOMIC_MOVE);
            new CountDownLatch(1).await();
        }
    }

    /** Writes a {@link Total}; the {@code checkpoint} kill point blocks here, inside a checkpoint write. */
    static final class TotalCodec implements ValueCodec<Total> {
        @Override
        public Class<Total> type() {
            return Total.class;
        }

        @Override
        public void write(Total value, DataOutput out, Values values) throws IOException {
            try {
                killPoint("checkpoint", Time.ofMillis(currentBatch));
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            out.writeLong(value.n());
        }

        @Override
        public Total read(DataInput in, Values values) throws IOException {
            return new Total(in.readLong());
        }
    }
}
