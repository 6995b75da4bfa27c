package org.streamml.ml.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.evaluation.BatchMetrics;
import org.streamml.ml.evaluation.ClassificationMetrics;
import org.streamml.ml.evaluation.ClusteringMetrics;
import org.streamml.ml.evaluation.Prequential;
import org.streamml.ml.evaluation.RegressionMetrics;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.streaming.testkit.TestDriver;

/** Prequential evaluation wired to the streaming learners (test, then train). */
class PrequentialTest {

    @Test
    void shouldScoreEachBatchWithTheModelBeforeTrainingOnIt() throws Exception {
        List<List<LabeledPoint>> data = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            data.add(SparkGenerators.linearInput(0, new double[] {10, 10}, 100, 42L * (i + 1)));
        }
        StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD().setInitialWeights(Vectors.zeros(2));
        List<BatchMetrics<RegressionMetrics>> heard = new ArrayList<>();
        AtomicReference<Prequential<RegressionMetrics>> eval = new AtomicReference<>();
        TestDriver.run(data, 5, s -> eval.set(Prequential.regression(lr, s, heard::add)));

        assertEquals(5, heard.size());
        assertEquals(heard, eval.get().batches());
        double meanAbsLabel = data.get(0).stream().mapToDouble(p -> Math.abs(p.label())).average().orElseThrow();
        assertEquals(0, heard.get(0).modelVersion());
        assertEquals(meanAbsLabel, heard.get(0).metrics().mae(), 1e-12);
        assertEquals(4, heard.get(4).modelVersion());
        assertTrue(heard.get(4).metrics().rmse() < heard.get(0).metrics().rmse());
        assertEquals(500, eval.get().summary().count());
    }

    @Test
    void shouldScoreClassificationAndClustering() throws Exception {
        List<List<LabeledPoint>> data = List.of(SparkGenerators.logisticInput(0, 3.0, 200, 1),
                SparkGenerators.logisticInput(0, 3.0, 200, 2));
        StreamingLogisticRegressionWithSGD lr = new StreamingLogisticRegressionWithSGD()
                .setInitialWeights(Vectors.dense(1.0));
        StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(1))
                .setInitialCenters(new double[][] {{0.0}}, new double[] {0.0});
        List<BatchMetrics<ClassificationMetrics>> cls = new ArrayList<>();
        List<BatchMetrics<ClusteringMetrics>> clu = new ArrayList<>();
        AtomicReference<Prequential<ClassificationMetrics>> eval = new AtomicReference<>();
        TestDriver.run(data, 2, s -> {
            eval.set(Prequential.classification(lr, s, cls::add));
            org.streamml.streaming.DStream<Vector> x = s.map(LabeledPoint::features);
            Prequential.clustering(km, x, clu::add);
        });
        assertTrue(cls.get(0).metrics().auc() > 0.8, "a positive weight ranks well: " + cls.get(0));
        assertEquals(400, eval.get().summary().count());
        assertTrue(eval.get().summary().auc() > 0.8);
        double sumSq = data.get(0).stream().mapToDouble(p -> p.features().get(0) * p.features().get(0)).sum();
        assertEquals(sumSq, clu.get(0).metrics().cost(), 1e-9);
    }
}
