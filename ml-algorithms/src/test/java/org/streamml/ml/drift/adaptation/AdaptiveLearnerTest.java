package org.streamml.ml.drift.adaptation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.drift.Adwin;
import org.streamml.ml.drift.Ddm;
import org.streamml.ml.drift.DriftSignal;
import org.streamml.ml.evaluation.ClassificationMetrics;
import org.streamml.ml.evaluation.PrequentialComparison;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.Batch;
import org.streamml.streaming.LocalExecutor;
import org.streamml.streaming.Time;
import org.streamml.streaming.checkpoint.Values;
import org.streamml.streaming.testkit.TestDriver;

/** The adaptive learner: detection on prequential errors, each policy's reaction, exact checkpoints, determinism. */
class AdaptiveLearnerTest {
    private static final int BATCH = 200;
    /** The concept changes at the start of batch 10. */
    private static final long CHANGE = 10L * BATCH;
    private static final StreamingLogisticRegressionWithSGD.Options SLOW = StreamingLogisticRegressionWithSGD
            .Options.defaults().withStepSize(1.0).withNumIterations(20).withForgettingFactor(1.0);

    private final LocalExecutor executor = new LocalExecutor(1);

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    private static StreamingLogisticRegressionWithSGD learner() {
        return new StreamingLogisticRegressionWithSGD(SLOW).setInitialWeights(Vectors.zeros(2));
    }

    private static AdaptiveLearner<LabeledPoint, LogisticRegressionModel> adaptive(
            StreamingLogisticRegressionWithSGD lr, org.streamml.ml.drift.DriftDetector detector, DriftPolicy policy) {
        return AdaptiveLearner.logistic(lr, detector, AdaptiveLearner.Options.defaults().withPolicy(policy)
                .withBoostBatches(3));
    }

    private Batch<LabeledPoint> batch(List<List<LabeledPoint>> data, int i) {
        return Batch.split(Time.ofMillis(1000L * (i + 1)), data.get(i), 2, executor);
    }

    @Test
    void shouldDetectAnAbruptChangeAndBeatThePlainModelPrequentially() throws Exception {
        List<List<LabeledPoint>> data = ConceptStream.batches(30, BATCH, CHANGE, 0.1, 7L);
        AdaptiveLearner<LabeledPoint, LogisticRegressionModel> adaptive = adaptive(learner(), new Ddm(),
                DriftPolicy.RESET);
        AtomicReference<PrequentialComparison<ClassificationMetrics>> cmp = new AtomicReference<>();
        TestDriver.run(data, 30, s -> cmp.set(PrequentialComparison.classification(adaptive, learner(), s, b -> {
        })));

        List<DriftEvent> drifts = adaptive.detections();
        assertFalse(drifts.isEmpty(), "the change is detected");
        assertTrue(drifts.stream().anyMatch(e -> e.position() >= CHANGE && e.position() < CHANGE + 3 * BATCH),
                "within three batches of the change: " + drifts);
        assertEquals(30, cmp.get().batches().size());
        double withAdaptation = cmp.get().adaptive().summary().accuracy();
        double without = cmp.get().plain().summary().accuracy();
        assertTrue(withAdaptation > without + 0.05, withAdaptation + " vs " + without);
    }

    @Test
    void shouldTrainABlankModelOnTheBatchOfADriftWhenResetting() {
        List<List<LabeledPoint>> data = ConceptStream.batches(3, BATCH, CHANGE, 0.1, 1L);
        StreamingLogisticRegressionWithSGD lr = learner();
        AdaptiveLearner<LabeledPoint, LogisticRegressionModel> a = adaptive(lr,
                new ScriptedDetector(Map.of(2L * BATCH + 5, DriftSignal.DRIFT)), DriftPolicy.RESET);
        LogisticRegressionModel m1 = a.applyBatch(batch(data, 0), Time.ofMillis(1000));
        LogisticRegressionModel m2 = a.applyBatch(batch(data, 1), Time.ofMillis(2000));
        LogisticRegressionModel m3 = a.applyBatch(batch(data, 2), Time.ofMillis(3000));

        LogisticRegressionModel blank = new LogisticRegressionModel(new double[2], 0.0, m2.threshold(), m2.version(),
                m2.lastBatchTimeMillis(), 0.0);
        assertEquals(lr.update(blank, batch(data, 2), Time.ofMillis(3000)), m3);
        assertEquals(m3, lr.latestModel(), "the wrapped learner serves the adaptive model");
        assertEquals(3, m3.version());
        assertNotEquals(lr.update(m2, batch(data, 2), Time.ofMillis(3000)), m3);
        assertEquals(lr.update(m1, batch(data, 1), Time.ofMillis(2000)), m2, "no drift: a plain update");
        DriftEvent e = a.detections().get(0);
        assertEquals(2L * BATCH + 5, e.position());
        assertEquals(Time.ofMillis(3000), e.batchTime());
        assertEquals(1, e.drifts());
        assertEquals(BATCH, e.count());
    }

    @Test
    void shouldReturnToTheStartingModelWhenResettingToOffline() {
        List<List<LabeledPoint>> data = ConceptStream.batches(3, BATCH, CHANGE, 0.1, 2L);
        LogisticRegressionModel offline = new LogisticRegressionModel(new double[] {2.0, 2.0}, 0.0);
        StreamingLogisticRegressionWithSGD lr = new StreamingLogisticRegressionWithSGD(SLOW).setInitialModel(offline);
        AdaptiveLearner<LabeledPoint, LogisticRegressionModel> a = adaptive(lr,
                new ScriptedDetector(Map.of(2L * BATCH, DriftSignal.DRIFT)), DriftPolicy.RESET_TO_OFFLINE);
        a.applyBatch(batch(data, 0), Time.ofMillis(1000));
        LogisticRegressionModel m2 = a.applyBatch(batch(data, 1), Time.ofMillis(2000));
        LogisticRegressionModel m3 = a.applyBatch(batch(data, 2), Time.ofMillis(3000));

        LogisticRegressionModel rebased = new LogisticRegressionModel(offline.weights(), 0.0, offline.threshold(),
                m2.version(), m2.lastBatchTimeMillis(), offline.effectiveCount());
        assertEquals(lr.update(rebased, batch(data, 2), Time.ofMillis(3000)), m3);
    }

    @Test
    void shouldTrainWithScaledForgettingForTheBoostedBatchesOnly() {
        List<List<LabeledPoint>> data = ConceptStream.batches(6, BATCH, CHANGE, 0.1, 3L);
        StreamingLogisticRegressionWithSGD lr = learner();
        StreamingLogisticRegressionWithSGD forgetful = new StreamingLogisticRegressionWithSGD(
                SLOW.withForgettingFactor(0.1));
        AdaptiveLearner<LabeledPoint, LogisticRegressionModel> a = adaptive(lr,
                new ScriptedDetector(Map.of((long) BATCH, DriftSignal.DRIFT)), DriftPolicy.RAISE_FORGETTING);
        LogisticRegressionModel m = a.applyBatch(batch(data, 0), Time.ofMillis(1000));
        for (int i = 1; i < 6; i++) {
            Time t = Time.ofMillis(1000L * (i + 1));
            LogisticRegressionModel expected = (i <= 3 ? forgetful : lr).update(m, batch(data, i), t);
            m = a.applyBatch(batch(data, i), t);
            assertEquals(expected, m, "batch " + i);
        }
    }

    @Test
    void shouldRefuseRaisedForgettingForALearnerThatDoesNotForget() {
        StreamingLogisticRegressionWithSGD spark = new StreamingLogisticRegressionWithSGD()
                .setInitialWeights(Vectors.zeros(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> adaptive(spark, new Ddm(), DriftPolicy.RAISE_FORGETTING));
        assertTrue(e.getMessage().contains("forgetting factor > 0"), e.getMessage());
    }

    @Test
    void shouldRefuseALearnerWithoutAModel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdaptiveLearner.logistic(
                new StreamingLogisticRegressionWithSGD(), new Ddm(), AdaptiveLearner.Options.defaults()));
        assertTrue(e.getMessage().contains("must have a model"), e.getMessage());
    }

    @Test
    void shouldSwapInTheBackgroundModelStartedAtTheWarning() {
        List<List<LabeledPoint>> data = ConceptStream.batches(4, BATCH, CHANGE, 0.1, 4L);
        StreamingLogisticRegressionWithSGD lr = learner();
        long warning = 2L * BATCH - 1;
        AdaptiveLearner<LabeledPoint, LogisticRegressionModel> a = adaptive(lr,
                new ScriptedDetector(Map.of(warning, DriftSignal.WARNING, 3L * BATCH - 1, DriftSignal.WARNING,
                        3L * BATCH + 7, DriftSignal.DRIFT)), DriftPolicy.BACKGROUND);
        a.applyBatch(batch(data, 0), Time.ofMillis(1000));
        assertFalse(a.hasBackgroundModel());
        LogisticRegressionModel m2 = a.applyBatch(batch(data, 1), Time.ofMillis(2000));
        assertTrue(a.hasBackgroundModel(), "a warning starts the background model");
        LogisticRegressionModel m3 = a.applyBatch(batch(data, 2), Time.ofMillis(3000));
        LogisticRegressionModel m4 = a.applyBatch(batch(data, 3), Time.ofMillis(4000));
        assertFalse(a.hasBackgroundModel());

        LogisticRegressionModel bg = new LogisticRegressionModel(new double[2], 0.0, m2.threshold(), 1, 1000, 0.0);
        bg = lr.update(bg, batch(data, 1), Time.ofMillis(2000));
        bg = lr.update(bg, batch(data, 2), Time.ofMillis(3000));
        LogisticRegressionModel swapped = new LogisticRegressionModel(bg.weights(), bg.intercept(), bg.threshold(),
                m3.version(), m3.lastBatchTimeMillis(), bg.effectiveCount());
        assertEquals(lr.update(swapped, batch(data, 3), Time.ofMillis(4000)), m4);
    }

    @Test
    void shouldDropTheBackgroundModelWhenTheWarningClears() {
        List<List<LabeledPoint>> data = ConceptStream.batches(3, BATCH, CHANGE, 0.1, 5L);
        AdaptiveLearner<LabeledPoint, LogisticRegressionModel> a = adaptive(learner(),
                new ScriptedDetector(Map.of(BATCH - 1L, DriftSignal.WARNING)), DriftPolicy.BACKGROUND);
        a.applyBatch(batch(data, 0), Time.ofMillis(1000));
        assertTrue(a.hasBackgroundModel());
        a.applyBatch(batch(data, 1), Time.ofMillis(2000));
        assertFalse(a.hasBackgroundModel());
        assertTrue(a.detections().isEmpty());
    }

    @Test
    void shouldContinueBitIdenticallyAfterACheckpointRestore() throws Exception {
        List<List<LabeledPoint>> data = ConceptStream.batches(24, BATCH, CHANGE, 0.1, 6L);
        AdaptiveLearner<LabeledPoint, LogisticRegressionModel> unbroken = adaptive(learner(), new Ddm(),
                DriftPolicy.BACKGROUND);
        AdaptiveLearner<LabeledPoint, LogisticRegressionModel> first = adaptive(learner(), new Ddm(),
                DriftPolicy.BACKGROUND);
        List<DriftEvent> unbrokenEvents = new ArrayList<>();
        unbroken.onDriftEvent(unbrokenEvents::add);
        List<DriftEvent> resumedEvents = new ArrayList<>();
        first.onDriftEvent(resumedEvents::add);
        int cut = 11;
        for (int i = 0; i < cut; i++) {
            unbroken.applyBatch(batch(data, i), Time.ofMillis(1000L * (i + 1)));
            first.applyBatch(batch(data, i), Time.ofMillis(1000L * (i + 1)));
        }
        Values values = new Values();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        values.write(first.checkpointState(), new DataOutputStream(bytes));
        Object saved = values.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        AdaptiveLearner<LabeledPoint, LogisticRegressionModel> resumed = adaptive(learner(), new Ddm(),
                DriftPolicy.BACKGROUND);
        resumed.restoreCheckpointState(saved);
        resumed.onDriftEvent(resumedEvents::add);
        for (int i = cut; i < data.size(); i++) {
            unbroken.applyBatch(batch(data, i), Time.ofMillis(1000L * (i + 1)));
            resumed.applyBatch(batch(data, i), Time.ofMillis(1000L * (i + 1)));
        }
        assertEquals(unbroken.latestModel(), resumed.latestModel());
        assertEquals(unbroken.detections(), resumed.detections());
        assertFalse(unbroken.detections().isEmpty());
        assertEquals(unbrokenEvents, resumedEvents);
    }

    @Test
    void shouldGiveTheSameModelAndDetectionsOnOneAndTwoThreads() throws Exception {
        List<List<LabeledPoint>> data = ConceptStream.batches(20, BATCH, CHANGE, 0.1, 8L);
        List<Object> results = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            AdaptiveLearner<LabeledPoint, LogisticRegressionModel> a = adaptive(learner(), new Adwin(),
                    DriftPolicy.RESET);
            List<DriftEvent> events = new ArrayList<>();
            a.onDriftEvent(events::add);
            try (TestDriver driver = new TestDriver(4, new LocalExecutor(threads))) {
                a.trainOn(driver.input(data));
                driver.run(20);
            }
            results.add(List.of(a.latestModel(), events));
        }
        assertEquals(results.get(0), results.get(1));
    }
}
