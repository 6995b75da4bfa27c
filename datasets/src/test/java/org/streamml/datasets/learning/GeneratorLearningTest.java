package org.streamml.datasets.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.streamml.datasets.generators.LinearGenerator;
import org.streamml.datasets.generators.MixtureGenerator;
import org.streamml.datasets.generators.NeuralGenerator;
import org.streamml.datasets.generators.NeuralSample;
import org.streamml.datasets.generators.SeaGenerator;
import org.streamml.datasets.generators.Transaction;
import org.streamml.datasets.generators.TransactionFeatures;
import org.streamml.datasets.generators.TransactionGenerator;
import org.streamml.datasets.replay.ReplaySource;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.testkit.TestDriver;

/** Streaming learners trained through the engine on each generator learn what the generator planted. */
class GeneratorLearningTest {
    /** Frames per epoch: two full cycles of the four stimuli (60 frames each), so epochs line up. */
    private static final int EPOCH = 480;

    @Test
    void shouldRecoverLinearWeightsFromLinearStream() throws Exception {
        StreamingLinearRegressionWithSGD learner = new StreamingLinearRegressionWithSGD(
                StreamingLinearRegressionWithSGD.Options.defaults().withStepSize(0.2).withNumIterations(25))
                .setInitialWeights(DenseVector.wrap(new double[2]));
        ReplaySource<LabeledPoint> source = new ReplaySource<>(
                new LinearGenerator(LinearGenerator.Options.defaults(), 42, 2000), 100);
        TestDriver.run(source, 20, learner::trainOn);
        double[] w = learner.latestModel().weights();
        assertEquals(10, w[0], 0.1);
        assertEquals(10, w[1], 0.1);
    }

    @Test
    void shouldFindMixtureCentersWithStreamingKMeans() throws Exception {
        MixtureGenerator g = new MixtureGenerator(MixtureGenerator.Options.defaults().withK(3).withDimension(2)
                .withRadius(0.3).withCenterSpread(5), 3, 3000);
        StreamingKMeans kmeans = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(3))
                .setRandomCenters(2, 0.0, 5);
        ReplaySource<Vector> source = new ReplaySource<>(() -> map(g.iterator()), 300);
        TestDriver.run(source, 10, kmeans::trainOn);
        KMeansModel model = kmeans.latestModel();
        int[] truth = new int[300];
        int[] found = new int[300];
        List<LabeledPoint> test = new MixtureGenerator(g.options(), 3, 300).take(300);
        for (int i = 0; i < 300; i++) {
            truth[i] = (int) test.get(i).label();
            found[i] = model.predict(test.get(i).features());
        }
        assertEquals(1.0, Scores.adjustedRandIndex(truth, found), 1e-9);
    }

    /**
     * K-means over neuron traces (z-scored, one vector per neuron and epoch of the recording) recovers the
     * functional groups. The adjusted Rand index of the last epoch is 1.0 (see the README).
     */
    @Test
    void shouldRecoverNeuralFunctionalGroupsWithStreamingKMeans() throws Exception {
        NeuralGenerator g = new NeuralGenerator(NeuralGenerator.Options.defaults(), 12, 60L * EPOCH * 8);
        List<Vector> vectors = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        double[][] traces = new double[60][EPOCH];
        Random shuffle = new Random(1);
        for (NeuralSample s : g) {
            traces[s.neuron()][(int) (s.frame() % EPOCH)] = s.fluorescence();
            if (s.neuron() == 59 && s.frame() % EPOCH == EPOCH - 1) {
                List<Integer> order = new ArrayList<>();
                for (int n = 0; n < 60; n++) {
                    order.add(n);
                }
                Collections.shuffle(order, shuffle);
                for (int n : order) {
                    vectors.add(DenseVector.wrap(zScore(traces[n])));
                    groups.add(n % 4);
                }
            }
        }
        StreamingKMeans kmeans = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(4))
                .setRandomCenters(EPOCH, 0.0, 7);
        TestDriver.run(new ReplaySource<>(vectors, 60), 8, kmeans::trainOn);
        KMeansModel model = kmeans.latestModel();
        int[] truth = new int[60];
        int[] found = new int[60];
        for (int i = 0; i < 60; i++) {
            truth[i] = groups.get(vectors.size() - 60 + i);
            found[i] = model.predict(vectors.get(vectors.size() - 60 + i));
        }
        double ari = Scores.adjustedRandIndex(truth, found);
        assertTrue(ari > 0.9, "adjusted Rand index " + ari);
    }

    @Test
    void shouldRankTransactionFraudAboveMajorityBaseline() throws Exception {
        TransactionFeatures featurizer = new TransactionFeatures();
        List<LabeledPoint> points = new ArrayList<>();
        for (Transaction t : new TransactionGenerator(TransactionGenerator.Options.defaults(), 5, 150_000)) {
            points.add(featurizer.next(t));
        }
        StreamingLogisticRegressionWithSGD learner = new StreamingLogisticRegressionWithSGD(
                StreamingLogisticRegressionWithSGD.Options.defaults().withStepSize(1.0).withFitIntercept(true))
                .setInitialWeights(DenseVector.wrap(new double[TransactionFeatures.DIMENSION]));
        TestDriver.run(new ReplaySource<>(points.subList(0, 100_000), 10_000), 10, learner::trainOn);
        LogisticRegressionModel model = learner.latestModel();
        List<LabeledPoint> test = points.subList(100_000, 150_000);
        double[] scores = new double[test.size()];
        double[] labels = new double[test.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.probability(test.get(i).features());
            labels[i] = test.get(i).label();
        }
        // The majority baseline (always "genuine") scores every transaction alike: AUC 0.5.
        double auc = Scores.auc(scores, labels);
        assertTrue(auc > 0.9, "AUC " + auc);
    }

    @Test
    void shouldLearnTheCurrentSeaConceptBetterThanTheMajorityClass() throws Exception {
        SeaGenerator g = new SeaGenerator(SeaGenerator.Options.defaults().withConceptLength(10_000), 2, 10_000);
        StreamingLogisticRegressionWithSGD learner = new StreamingLogisticRegressionWithSGD(
                StreamingLogisticRegressionWithSGD.Options.defaults().withStepSize(1.0).withFitIntercept(true))
                .setInitialWeights(DenseVector.wrap(new double[3]));
        TestDriver.run(new ReplaySource<>(g, 1000), 10, learner::trainOn);
        LogisticRegressionModel model = learner.latestModel();
        int correct = 0;
        int positives = 0;
        List<LabeledPoint> test = new SeaGenerator(g.options(), 99, 5000).take(5000);
        for (LabeledPoint p : test) {
            correct += model.predict(p.features()) == p.label() ? 1 : 0;
            positives += (int) p.label();
        }
        double majority = Math.max(positives, 5000 - positives) / 5000.0;
        assertTrue(correct / 5000.0 > majority + 0.1, "accuracy " + correct / 5000.0 + " vs " + majority);
    }

    private static java.util.Iterator<Vector> map(java.util.Iterator<LabeledPoint> it) {
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Vector next() {
                return it.next().features();
            }
        };
    }

    private static double[] zScore(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / x.length);
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - mean) / sd;
        }
        return z;
    }
}
