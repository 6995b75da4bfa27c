package org.streamml.ml.anomaly;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.streamml.ml.evaluation.nab.NabProfile;
import org.streamml.ml.evaluation.nab.NabResult;
import org.streamml.ml.evaluation.nab.NabScorer;
import org.streamml.ml.evaluation.nab.NabSeries;
import org.streamml.ml.evaluation.nab.NabWindow;

/**
 * Regression guard on the detector's NAB score on a seeded synthetic corpus of six kinds of injected anomaly
 * (measured above 80 standard). The guard on NAB's realKnownCause files lives with the shipped data, in the
 * datasets module's {@code RealKnownCauseDetectorTest}.
 */
class InjectedAnomalyTest {
    private static final NabScorer SCORER = new NabScorer(NabScorer.Options.defaults());

    private static List<NabSeries> detect(List<NabTestData.Series> data) {
        List<NabSeries> out = new ArrayList<>();
        for (NabTestData.Series s : data) {
            out.add(NabTestData.detect(s, StreamingAnomalyDetector.Options.defaults()));
        }
        return out;
    }

    @Test
    void shouldDetectEveryKindOfInjectedAnomaly() {
        Map<String, List<NabWindow>> windows = SyntheticCorpus.newWindows();
        List<NabSeries> scored = detect(SyntheticCorpus.series(11, 2, windows));
        NabResult standard = SCORER.score(scored, windows, NabProfile.STANDARD);
        assertTrue(standard.normalizedScore() >= 75.0, "standard " + standard.normalizedScore());
        double threshold = StreamingAnomalyDetector.Options.defaults().threshold();
        for (NabSeries s : scored) {
            NabWindow w = windows.get(s.name()).get(0);
            boolean alarmed = false;
            for (int i = 0; i < s.size(); i++) {
                long t = s.timestamps()[i];
                alarmed |= t >= w.startMillis() && t <= w.endMillis() && s.scores()[i] >= threshold;
            }
            assertTrue(alarmed, s.name() + ": no alarm in the anomaly window");
        }
    }
}
