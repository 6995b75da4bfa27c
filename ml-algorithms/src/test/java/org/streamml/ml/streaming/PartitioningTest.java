package org.streamml.ml.streaming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.streaming.testkit.TestDriver;

/** The partition count changes only the order of floating-point sums, never the model beyond rounding. */
class PartitioningTest {

    @Test
    void shouldLearnTheSameLinearModelWithAnyPartitionCount() throws Exception {
        List<List<LabeledPoint>> data = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            data.add(SparkGenerators.linearInput(1.0, new double[] {2, -1, 0.5}, 101, 7L * (i + 1)));
        }
        double[] reference = null;
        for (int partitions : new int[] {1, 2, 3, 7}) {
            StreamingLinearRegressionWithSGD lr = new StreamingLinearRegressionWithSGD(
                    StreamingLinearRegressionWithSGD.Options.defaults().withConvergenceTol(0.0))
                    .setInitialWeights(Vectors.zeros(3));
            TestDriver.run(data, 4, partitions, lr::trainOn);
            double[] w = lr.latestModel().weights();
            if (reference == null) {
                reference = w;
            }
            assertArrayEquals(reference, w, 1e-12, partitions + " partitions");
        }
    }

    @Test
    void shouldLearnTheSameCentersWithAnyPartitionCount() throws Exception {
        SparkGenerators.KMeansData data = SparkGenerators.kmeansInput(97, 5, 3, 4, 0.5, 3, null);
        double[][] reference = null;
        for (int partitions : new int[] {1, 2, 5}) {
            StreamingKMeans km = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(3).withDecayFactor(0.9))
                    .setRandomCenters(4, 0.0, 5L);
            List<List<Vector>> batches = data.batches();
            TestDriver.run(batches, 5, partitions, km::trainOn);
            double[][] c = km.latestModel().centers();
            if (reference == null) {
                reference = c;
            }
            for (int j = 0; j < c.length; j++) {
                assertArrayEquals(reference[j], c[j], 1e-12, partitions + " partitions, center " + j);
            }
        }
    }
}
