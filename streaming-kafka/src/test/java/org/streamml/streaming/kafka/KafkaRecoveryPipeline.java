package org.streamml.streaming.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.streaming.DStream;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.Time;
import org.streamml.streaming.io.AtomicFile;

/**
 * The program of the Kafka driver-kill test, run as its own process: points read from a 3-partition topic
 * (at most 100 offsets per partition per batch, up to the end offsets at start) train a streaming k-means
 * and running counts per cluster of the key; a checkpoint every second batch. Every batch writes its
 * outputs to one file per batch, atomically, so a batch that runs again rewrites the same file.
 *
 * <p>Arguments: {@code BOOTSTRAP TOPIC CHECKPOINT_DIR OUT_DIR [KILL_BATCH_MS PID_FILE]}: with a kill point
 * the process writes its id to {@code PID_FILE} inside the output of that batch and waits to be killed.
 */
public final class KafkaRecoveryPipeline {
    private KafkaRecoveryPipeline() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        Path ckpt = Path.of(args[2]);
        Path out = Path.of(args[3]);
        long killAt = args.length > 4 ? Long.parseLong(args[4]) : -1;
        Path pid = args.length > 5 ? Path.of(args[5]) : null;
        StreamingKMeans[] km = new StreamingKMeans[1];
        StreamingContext ssc = StreamingContext.getOrCreate(ckpt, () -> {
            StreamingContext c = new StreamingContext(StreamingContext.Options.defaults()
                    .withBatchInterval(Duration.ofSeconds(1)).withClock(new FastForwardClock()).withThreads(2))
                    .checkpoint(ckpt, 2, 2);
            KafkaSource<Vector> source = KafkaSource.builder(bootstrap, KafkaDeserializer.lines(KafkaRecoveryPipeline::point))
                    .topics(topic).maxRecordsPerPartition(100).backpressure(false).untilEndAtStart()
                    .brokerTimeout(Duration.ofSeconds(60)).build();
            DStream<KafkaRecord<Vector>> records = c.source(source, 3);
            DStream<Vector> points = records.map(KafkaRecord::value);
            km[0] = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(3).withDecayFactor(0.8))
                    .setRandomCenters(2, 0.0, 5);
            km[0].trainOn(points);
            records.mapToPair(r -> Pair.of("p" + r.partition(), 1L))
                    .updateStateByKey((List<Long> vs, Optional<Long> s) -> Optional.of(s.orElse(0L) + vs.size()))
                    .foreachBatch((b, t) -> {
                        if (t.millis() == killAt) {
                            Path tmp = pid.resolveSibling(pid.getFileName() + ".tmp");
                            Files.writeString(tmp, Long.toString(ProcessHandle.current().pid()));
                            Files.move(tmp, pid, StandardCopyOption.ATOMIC_MOVE);
                            new CountDownLatch(1).await();
                        }
                        List<String> rows = new ArrayList<>();
                        b.collect().forEach(x -> rows.add(x.toString()));
                        Collections.sort(rows);
                        String text = String.join(",", rows) + "\nkmeans " + describe(km[0].latestModel()) + "\n";
                        AtomicFile.writeText(out.resolve("batch-" + t.millis() + ".txt"), w -> w.write(text));
                    });
            return c;
        });
        ssc.start();
        ssc.awaitTermination();
        AtomicFile.writeText(out.resolve("final.txt"), w -> w.write(describe(km[0].latestModel()) + "\n"));
        System.out.println("restored from " + ssc.restoredFrom().map(Time::toString).orElse("nothing"));
    }

    static Vector point(String line) {
        String[] f = line.split(",");
        if (f.length != 2) {
            throw new IllegalArgumentException("expected 2 comma-separated numbers, found " + f.length + " fields");
        }
        return DenseVector.wrap(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
    }

    static String describe(KMeansModel m) {
        return Arrays.deepToString(m.centers()) + " weights " + Arrays.toString(m.clusterWeights());
    }
}
