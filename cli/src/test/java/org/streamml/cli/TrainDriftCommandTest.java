package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamml train --drift-detector ... --on-drift ...} and the prequential metric of the summary line. */
class TrainDriftCommandTest {
    private static final int ROWS = 4000;
    private static final int CHANGE = 2000;

    @TempDir
    Path tmp;

    /** Labels 1 when x0 + x1 > 0 before row {@link #CHANGE}, when x0 - x1 > 0 after; 10 % noise; seeded. */
    private Path driftingFile() throws Exception {
        SplittableRandom rnd = new SplittableRandom(21L);
        StringBuilder csv = new StringBuilder("label,x0,x1\n");
        for (int i = 0; i < ROWS; i++) {
            double x0 = rnd.nextDouble(-1, 1);
            double x1 = rnd.nextDouble(-1, 1);
            boolean positive = i < CHANGE ? x0 + x1 > 0 : x0 - x1 > 0;
            if (rnd.nextDouble() < 0.1) {
                positive = !positive;
            }
            csv.append(positive ? 1 : 0).append(String.format(Locale.ROOT, ",%.6f,%.6f%n", x0, x1));
        }
        Path p = tmp.resolve("drift.csv");
        Files.writeString(p, csv);
        return p;
    }

    private static Map<String, String> summary(CliRun r) {
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().strip().split("\n");
        return JsonNumbers.flatObject(lines[lines.length - 1]);
    }

    private CliRun train(Path in, String... more) {
        String[] common = {"train", "--algorithm", "logreg", "--input", in.toString(), "--batch-size", "200",
            "--step-size", "1.0", "--iterations", "20", "--forgetting-factor", "1.0", "-q"};
        String[] args = new String[common.length + more.length];
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(more, 0, args, common.length, more.length);
        return CliRun.of(args);
    }

    @Test
    void shouldAdaptOnDriftAndReportAHigherPrequentialAccuracyThanThePlainRun() throws Exception {
        Path in = driftingFile();
        Map<String, String> plain = summary(train(in));
        Map<String, String> adaptive = summary(train(in, "--drift-detector", "ddm", "--on-drift", "reset"));

        assertTrue(Integer.parseInt(adaptive.get("drifts")) >= 1, adaptive.toString());
        assertTrue(!plain.containsKey("drifts"), plain.toString());
        double with = Double.parseDouble(adaptive.get("prequential_accuracy"));
        double without = Double.parseDouble(plain.get("prequential_accuracy"));
        assertTrue(with > without + 0.05, with + " vs " + without);
    }

    @Test
    void shouldRunEveryPolicyWithEveryDetectorThatSuitsLogisticRegression() throws Exception {
        Path in = driftingFile();
        for (String detector : new String[] {"adwin", "ddm", "eddm", "page-hinkley", "kswin"}) {
            for (String policy : new String[] {"reset", "reset-to-offline", "raise-forgetting", "background"}) {
                Map<String, String> s = summary(train(in, "--drift-detector", detector, "--on-drift", policy));
                assertEquals(String.valueOf(ROWS), s.get("records"), detector + " " + policy);
            }
        }
    }

    @Test
    void shouldReportTheCostOfKMeansAndAdaptItWithAdwin() throws Exception {
        Path in = driftingFile();
        Map<String, String> s = summary(CliRun.of("train", "--algorithm", "kmeans", "--input", in.toString(),
                "--batch-size", "200", "--drift-detector", "adwin", "-q"));
        assertTrue(Double.parseDouble(s.get("prequential_cost")) > 0, s.toString());
    }

    @Test
    void shouldRefuseZeroOneDetectorsForRegressionAndAPolicyWithoutADetector() throws Exception {
        Path in = driftingFile();
        CliRun ddm = CliRun.of("train", "--algorithm", "linreg", "--input", in.toString(), "--drift-detector", "ddm");
        assertEquals(1, ddm.status());
        assertTrue(ddm.err().contains("reads 0/1 errors, which only logreg has"), ddm.err());
        CliRun policy = CliRun.of("train", "--algorithm", "logreg", "--input", in.toString(), "--on-drift", "reset");
        assertEquals(1, policy.status());
        assertTrue(policy.err().contains("--on-drift needs --drift-detector"), policy.err());
        CliRun unknown = CliRun.of("train", "--algorithm", "logreg", "--input", in.toString(), "--drift-detector",
                "cusum");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("unknown drift detector 'cusum' (expected adwin, ddm, eddm, page-hinkley,"
                + " kswin)"), unknown.err());
        CliRun noForgetting = CliRun.of("train", "--algorithm", "logreg", "--input", in.toString(),
                "--drift-detector", "adwin", "--on-drift", "raise-forgetting");
        assertEquals(1, noForgetting.status());
        assertTrue(noForgetting.err().contains("raise-forgetting needs a forgetting factor > 0"), noForgetting.err());
    }
}
