package org.streamml.modelio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.streaming.Batch;
import org.streamml.streaming.LocalExecutor;
import org.streamml.streaming.Time;

/** A streaming k-means saved mid-stream and resumed from the file ends exactly where an unbroken run does. */
class ResumeFromFileTest {
    private final LocalExecutor executor = new LocalExecutor(2);

    @TempDir
    Path dir;

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    private List<Batch<Vector>> batches() {
        Random r = new Random(7);
        List<Batch<Vector>> out = new ArrayList<>();
        for (int b = 1; b <= 8; b++) {
            List<Vector> points = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int c = r.nextInt(3);
                points.add(Vectors.dense(c * 5 + r.nextGaussian(), -c * 3 + r.nextGaussian()));
            }
            out.add(Batch.split(Time.ofMillis(1000L * b), points, 2, executor));
        }
        return out;
    }

    private static StreamingKMeans learner() {
        return new StreamingKMeans(StreamingKMeans.Options.defaults().withK(3).withDecayFactor(0.8))
                .setInitialModel(new KMeansModel(new double[][] {{0, 0}, {1, 1}, {2, 2}}, new double[3]));
    }

    @Test
    void shouldResumeFromEveryFormatWithWeightsAndVersion() throws IOException {
        List<Batch<Vector>> batches = batches();
        StreamingKMeans unbroken = learner();
        for (Batch<Vector> b : batches) {
            unbroken.update(b, b.time());
        }

        for (ModelFormat format : ModelFormat.values()) {
            StreamingKMeans first = learner();
            for (Batch<Vector> b : batches.subList(0, 4)) {
                first.update(b, b.time());
            }
            Path file = dir.resolve("km." + format.extension());
            ModelIO.save(first.latestModel(), file, format);

            StreamingKMeans resumed = learner().setInitialModel(ModelIO.load(file, KMeansModel.class));
            for (Batch<Vector> b : batches.subList(4, 8)) {
                resumed.update(b, b.time());
            }

            assertEquals(unbroken.latestModel(), resumed.latestModel(), format.name());
            assertEquals(8, resumed.latestModel().version(), format.name());
        }
    }
}
