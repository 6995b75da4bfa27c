package org.streamml.demos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.datasets.generators.TransactionGenerator;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.evaluation.BinaryMetrics;
import org.streamml.ml.model.LogisticRegressionModel;

class FraudDemoTest {
    @TempDir
    Path charts;

    @Test
    void shouldStreamTheTransactionsAfterTheHistoryWithFeaturesContinuingTheAccountState() {
        TransactionGenerator g = new TransactionGenerator(TransactionGenerator.Options.defaults(), 5, 1_500);
        FraudData data = new FraudData(g, 1_000);
        List<FraudData.Case> streamed = new ArrayList<>();
        data.forEach(streamed::add);
        assertEquals(1_000, data.history().size());
        assertEquals(500, streamed.size());
        assertEquals(1_000, streamed.get(0).transaction().id());
        // A second pass replays the same cases.
        Iterator<FraudData.Case> again = data.iterator();
        assertArrayEquals(streamed.get(7).features().toArray(), skip(again, 7).features().toArray());
        // Standardised with the history's moments: each feature of the history has mean 0.
        for (int j = 0; j < FraudFeatures.DIMENSION; j++) {
            double mean = 0;
            for (LabeledPoint p : data.history()) {
                mean += p.features().get(j) / 1_000;
            }
            assertEquals(0, mean, 1e-9, FraudFeatures.names().get(j));
        }
    }

    private static FraudData.Case skip(Iterator<FraudData.Case> it, int n) {
        for (int i = 0; i < n; i++) {
            it.next();
        }
        return it.next();
    }

    @Test
    void shouldRankFraudWellAboveChanceAndLetTheLearningModelsFollowTheDriftTheFrozenOneMisses() throws Exception {
        StringWriter text = new StringWriter();
        DemoSettings settings = DemoSettings.defaults().withBatches(5).withChartsDir(charts);
        FraudDemo.Result r = new FraudDemo().execute(settings, new PrintWriter(text));

        assertEquals(5, r.online().size());
        assertEquals(5, r.adaptive().size());
        assertEquals(5, r.frozen().size());
        assertEquals(5 * FraudDemo.DEFAULT_PER_BATCH, r.transactions());
        assertTrue(r.historyFraud() > 50, "about 0.5 % of 40,000: " + r.historyFraud());
        // Before the new pattern appears (batch 1) the three models are one: all rank fraud far above chance.
        assertEquals(r.frozen().get(0), r.online().get(0));
        assertEquals(r.frozen().get(0), r.adaptive().get(0));
        assertTrue(r.frozen().get(0).auc() > 0.85, () -> "first batch AUC " + r.frozen().get(0).auc());
        // Card testing (tiny amounts, usual device) looks genuine to the offline model: measured frozen 0.750,
        // online 0.901, drift-adaptive 0.935 over the 5 batches; a constant score has 0.5.
        assertTrue(r.frozenTotal().auc() < 0.85, () -> "frozen AUC " + r.frozenTotal().auc());
        assertTrue(r.onlineTotal().auc() > r.frozenTotal().auc() + 0.05,
                () -> "online " + r.onlineTotal().auc() + " vs frozen " + r.frozenTotal().auc());
        assertTrue(r.adaptiveTotal().auc() > r.onlineTotal().auc(),
                () -> "adaptive " + r.adaptiveTotal().auc() + " vs online " + r.onlineTotal().auc());
        assertTrue(r.onlineTotal().precision() > 0.5, () -> "online precision " + r.onlineTotal().precision());
        assertFalse(r.detections().isEmpty(), "the adaptive model's detector fired");
        assertEquals(List.of(2.25, 3.5), List.of(r.driftBatches()[0], r.driftBatches()[1]),
                "card testing from a quarter of the stream, unusual amounts fading from half way");
        int frauds = r.online().stream().mapToInt(BinaryMetrics::positives).sum();
        assertEquals(frauds, r.onlineTotal().positives());
        assertEquals(frauds, r.adaptiveTotal().positives());
        assertEquals(5, r.finalModel().version(), "one update per streamed batch");
        LogisticRegressionModel offline = FraudDemo.trainOffline(
                new FraudData(new TransactionGenerator(TransactionGenerator.Options.defaults(), 42,
                        FraudDemo.HISTORY), FraudDemo.HISTORY).history());
        assertNotEquals(offline, r.finalModel().withVersion(0, offline.lastBatchTimeMillis()));
        assertTrue(text.toString().contains(String.format("%n    1 %7d  | ", r.online().get(0).positives())),
                text.toString());
        assertTrue(Files.size(charts.resolve("fraud-auc.png")) > 0);
        assertTrue(Files.size(charts.resolve("fraud-recall.png")) > 0);
    }

    @Test
    void shouldPrintTheComparisonInTheSummary() throws Exception {
        StringWriter text = new StringWriter();
        assertEquals(0, new FraudDemo().run(DemoSettings.defaults().withBatches(2).withRecordsPerSecond(2_000)
                .withChartsDir(charts), new PrintWriter(text)));
        String out = text.toString();
        assertTrue(out.contains("Streaming 2 batches of 2,000 transactions"), out);
        assertTrue(out.matches("(?s).*  AUC online 0\\.\\d{3}, drift-adaptive 0\\.\\d{3}, frozen 0\\.\\d{3} .*"), out);
        assertTrue(out.contains("The stream drifts: card testing appears from batch 1.5"), out);
        assertTrue(out.matches("(?s).*  drifts detected in batches \\[[0-9, ]*\\] \\(card testing from batch 1\\.5.*"), out);
    }
}
