package org.streamml.ml.anomaly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.streamml.ml.evaluation.nab.NabWindow;

/**
 * Seeded synthetic series with one injected anomaly each, labelled the way NAB labels its files: a window of
 * 10 % of the file centred on the anomaly's onset. Kinds: a spike, a level shift, a variance burst, a pattern
 * that goes flat, a change of frequency, and an unprecedented spike in a series whose normal pattern is spiky.
 */
final class SyntheticCorpus {
    static final int ROWS = 4000;
    static final long STEP_MILLIS = 300_000L;
    static final String[] KINDS = {"spike", "shift", "variance", "flat", "frequency", "spiky"};

    private SyntheticCorpus() {
    }

    /** {@code perKind} series of each kind, and their windows keyed by name. */
    static List<NabTestData.Series> series(long seed, int perKind, Map<String, List<NabWindow>> windows) {
        Random rnd = new Random(seed);
        List<NabTestData.Series> out = new ArrayList<>();
        for (String kind : KINDS) {
            for (int c = 0; c < perKind; c++) {
                String name = "synthetic/" + kind + "_" + c + ".csv";
                int onset = ROWS / 4 + rnd.nextInt(ROWS / 2);
                long[] t = new long[ROWS];
                double[] v = new double[ROWS];
                double period = 96 + rnd.nextInt(200);
                double amplitude = 1 + 4 * rnd.nextDouble();
                double noise = 0.05 + 0.3 * rnd.nextDouble();
                double level = 10 + 100 * rnd.nextDouble();
                for (int i = 0; i < ROWS; i++) {
                    t[i] = 1_400_000_000_000L + i * STEP_MILLIS;
                    double p = period;
                    if (kind.equals("frequency") && i >= onset) {
                        p = period / 3;
                    }
                    double base = amplitude * Math.sin(2 * Math.PI * i / p);
                    if (kind.equals("flat") && i >= onset && i < onset + 2 * period) {
                        base = 0;
                    }
                    double e = noise * rnd.nextGaussian();
                    if (kind.equals("variance") && i >= onset && i < onset + 100) {
                        e *= 6;
                    }
                    double x = level + base + e;
                    if (kind.equals("spike") && i == onset) {
                        x += 6 * amplitude;
                    }
                    if (kind.equals("shift") && i >= onset) {
                        x += 2 * amplitude;
                    }
                    if (kind.equals("spiky")) {
                        x = level + e + (i % 50 == 0 ? 3 * amplitude : 0) + (i == onset ? 12 * amplitude : 0);
                    }
                    v[i] = x;
                }
                int half = ROWS / 20;
                windows.put(name, List.of(new NabWindow(t[onset - half], t[onset + half])));
                out.add(new NabTestData.Series(name, t, v));
            }
        }
        return out;
    }

    static Map<String, List<NabWindow>> newWindows() {
        return new LinkedHashMap<>();
    }
}
