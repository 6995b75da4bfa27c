package example;

import java.time.Duration;
import java.util.*;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.streaming.*;

/** Streaming k-means on five generated batches of points around (0, 0) and (5, 5); prints the centers. */
public class Main {
    public static void main(String[] args) throws InterruptedException {
        Random random = new Random(42);
        Queue<List<Vector>> batches = new ArrayDeque<>();
        for (int b = 0; b < 5; b++) {
            List<Vector> batch = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                double c = 5 * (i % 2);      // half the points around (0, 0), half around (5, 5)
                batch.add(Vectors.dense(c + 0.1 * random.nextGaussian(), c + 0.1 * random.nextGaussian()));
            }
            batches.add(batch);
        }
        ManualClock clock = new ManualClock();
        StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1)).withClock(clock));
        StreamingKMeans kmeans = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(2))
                .setInitialCenters(new double[][] {{1, 1}, {4, 4}}, new double[] {0, 0});
        kmeans.trainOn(ssc.queueStream(batches));
        ssc.start();
        for (int t = 1; t <= 5; t++) {
            clock.advance(1000);                                  // batch t runs
            ssc.awaitBatch(Time.ofMillis(1000L * t), 10_000);
        }
        ssc.stop(true);
        for (double[] center : kmeans.latestModel().centers()) {
            System.out.printf("center %.1f %.1f%n", center[0], center[1]);
        }
    }
}
