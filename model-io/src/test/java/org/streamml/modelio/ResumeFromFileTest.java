package org.streamml.modelio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.Model;
import org.streamml.ml.streaming.DecayUnit;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLearner;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.Batch;
import org.streamml.streaming.LocalExecutor;
import org.streamml.streaming.Time;

/**
 * Every learner, with and without forgetting, saved after batch k in every format and resumed by a new
 * learner from the file, ends bit for bit where an unbroken run over all the batches ends.
 */
class ResumeFromFileTest {
    private static final int BATCHES = 8;
    private static final int EMPTY_BATCH = 3;
    private static final LocalExecutor EXECUTOR = new LocalExecutor(2);

    @TempDir
    Path dir;

    @AfterAll
    static void closeExecutor() {
        EXECUTOR.close();
    }

    /** A learner configuration and its batches. */
    record Case<I, M extends Model>(String name, Supplier<StreamingLearner<I, M>> learner, List<Batch<I>> batches) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<Batch<LabeledPoint>> labelled(boolean binary) {
        Random r = new Random(11);
        List<Batch<LabeledPoint>> out = new ArrayList<>();
        for (int b = 1; b <= BATCHES; b++) {
            List<LabeledPoint> points = new ArrayList<>();
            int n = b == EMPTY_BATCH ? 0 : 50 + 30 * b;
            for (int i = 0; i < n; i++) {
                double[] x = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
                double z = 2 * x[0] - x[1] + 0.5 * x[2] + 0.3 * r.nextGaussian() + (b > 4 ? 1.5 : 0);
                points.add(new LabeledPoint(binary ? (z > 0 ? 1 : 0) : z, Vectors.dense(x)));
            }
            out.add(Batch.split(Time.ofMillis(1000L * b), points, 3, EXECUTOR));
        }
        return out;
    }

    private static List<Batch<Vector>> points() {
        Random r = new Random(7);
        List<Batch<Vector>> out = new ArrayList<>();
        for (int b = 1; b <= BATCHES; b++) {
            List<Vector> points = new ArrayList<>();
            int n = b == EMPTY_BATCH ? 0 : 100 + 20 * b;
            for (int i = 0; i < n; i++) {
                int c = r.nextInt(3);
                points.add(Vectors.dense(c * 5 + r.nextGaussian(), -c * 3 + r.nextGaussian()));
            }
            out.add(Batch.split(Time.ofMillis(1000L * b), points, 2, EXECUTOR));
        }
        return out;
    }

    private static StreamingLinearRegressionWithSGD linear(double forgetting) {
        return new StreamingLinearRegressionWithSGD(StreamingLinearRegressionWithSGD.Options.defaults()
                .withStepSize(0.3).withNumIterations(20).withFitIntercept(true).withForgettingFactor(forgetting))
                .setInitialWeights(Vectors.zeros(3));
    }

    private static StreamingLogisticRegressionWithSGD logistic(double forgetting) {
        return new StreamingLogisticRegressionWithSGD(StreamingLogisticRegressionWithSGD.Options.defaults()
                .withStepSize(0.5).withNumIterations(20).withForgettingFactor(forgetting))
                .setInitialWeights(Vectors.zeros(3));
    }

    private static StreamingKMeans kmeans(double decay, DecayUnit unit) {
        return new StreamingKMeans(StreamingKMeans.Options.defaults().withK(3).withDecayFactor(decay)
                .withDecayUnit(unit))
                .setInitialModel(new KMeansModel(new double[][] {{0, 0}, {1, 1}, {2, 2}}, new double[3]));
    }

    static Stream<Case<?, ?>> cases() {
        List<Batch<LabeledPoint>> real = labelled(false);
        List<Batch<LabeledPoint>> binary = labelled(true);
        List<Batch<Vector>> vectors = points();
        return Stream.of(
                new Case<>("linear regression, no forgetting", () -> linear(0.0), real),
                new Case<>("linear regression, forgetting 0.6", () -> linear(0.6), real),
                new Case<>("logistic regression, no forgetting", () -> logistic(0.0), binary),
                new Case<>("logistic regression, forgetting 0.7", () -> logistic(0.7), binary),
                new Case<>("k-means, no decay", () -> kmeans(1.0, DecayUnit.BATCHES), vectors),
                new Case<>("k-means, decay 0.8 per batch", () -> kmeans(0.8, DecayUnit.BATCHES), vectors),
                new Case<>("k-means, decay 0.99 per point", () -> kmeans(0.99, DecayUnit.POINTS), vectors));
    }

    static Stream<Arguments> casesAndFormats() {
        List<Arguments> out = new ArrayList<>();
        for (Case<?, ?> c : cases().toList()) {
            for (ModelFormat format : ModelFormat.values()) {
                for (int k : new int[] {1, EMPTY_BATCH, 5}) {
                    out.add(Arguments.of(c, format, k));
                }
            }
        }
        return out.stream();
    }

    private static <I, M extends Model> M train(StreamingLearner<I, M> learner, List<Batch<I>> batches) {
        M m = learner.latestModel();
        for (Batch<I> b : batches) {
            m = learner.update(m, b, b.time());
        }
        return m;
    }

    @ParameterizedTest(name = "{0}, {1}, saved after batch {2}")
    @MethodSource("casesAndFormats")
    <I, M extends Model> void resumingFromAFileShouldEqualAnUnbrokenRunBitForBit(Case<I, M> c, ModelFormat format,
                                                                                 int k) throws IOException {
        M unbroken = train(c.learner().get(), c.batches());

        M saved = train(c.learner().get(), c.batches().subList(0, k));
        Path file = dir.resolve("model." + format.extension());
        ModelIO.save(saved, file, format);
        StreamingLearner<I, M> resumed = c.learner().get();
        resumed.setInitialModel(ModelIO.load(file, resumed.modelType()));
        M end = train(resumed, c.batches().subList(k, BATCHES));

        assertEquals(unbroken, end);
        assertEquals(unbroken.version(), end.version());
    }

    @Test
    void theTestShouldSeeALostEffectiveCount() throws IOException {
        Case<LabeledPoint, LinearRegressionModel> c = new Case<>("forgetting", () -> linear(0.6), labelled(false));
        LinearRegressionModel unbroken = train(c.learner().get(), c.batches());
        LinearRegressionModel saved = train(c.learner().get(), c.batches().subList(0, 4));
        // what a file without the count (format version 1) gives: the same model with count 0
        LinearRegressionModel countLost = new LinearRegressionModel(saved.weights(), saved.intercept(),
                saved.version(), saved.lastBatchTimeMillis());
        StreamingLearner<LabeledPoint, LinearRegressionModel> resumed = c.learner().get();
        resumed.setInitialModel(countLost);

        LinearRegressionModel end = train(resumed, c.batches().subList(4, BATCHES));

        assertNotEquals(unbroken, end);
        assertEquals(unbroken.version(), end.version());
    }
}
