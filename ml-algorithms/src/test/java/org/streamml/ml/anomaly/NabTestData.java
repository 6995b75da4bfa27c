package org.streamml.ml.anomaly;

import org.streamml.ml.evaluation.nab.NabSeries;

/** A series for scoring a detector with NAB's scorer, and a way to score a detector on it. */
final class NabTestData {
    /** One data file: its relative name, timestamps and values. */
    record Series(String name, long[] timestamps, double[] values) {
    }

    private NabTestData() {
    }

    static NabSeries detect(Series s, StreamingAnomalyDetector.Options options) {
        AnomalyDetector d = new StreamingAnomalyDetector(options);
        double[] scores = new double[s.values().length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = d.score(s.timestamps()[i], s.values()[i]);
        }
        return new NabSeries(s.name(), s.timestamps(), scores);
    }
}
