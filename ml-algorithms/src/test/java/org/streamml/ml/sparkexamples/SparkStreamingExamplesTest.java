package org.streamml.ml.sparkexamples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.api.java.JavaStreamingContext;
import org.streamml.streaming.api.java.Tuple2;
import org.streamml.streaming.testkit.TestDriver;

/**
 * Runs the Java ports of Spark's three streaming MLlib examples ({@link JavaStreamingLinearRegressionExample},
 * {@link JavaStreamingLogisticRegression}, {@link JavaStreamingKMeansExample}) on real files: after the
 * context starts, each batch's training and test files are written to temporary directories (under a
 * hidden name, then renamed, as Spark's {@code textFileStream} wants), and a manual clock fires the batch.
 * The program's model must equal, bit for bit, that of the {@code Options} API trained on the same points
 * in the same partitions, and its printed predictions must be those of the model trained on the batch
 * (training is registered first).
 */
class SparkStreamingExamplesTest {
    private static final int BATCHES = 5;
    private static final int PARTITIONS = 2;

    @TempDir
    Path dir;

    @Test
    void shouldRunSparksStreamingLinearRegressionExample() throws Exception {
        Random random = new Random(1);
        double[] truth = {1.5, -2.0, 0.5};
        List<List<LabeledPoint>> train = new ArrayList<>();
        List<List<LabeledPoint>> test = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            train.add(linearPoints(random, truth, 40));
            test.add(linearPoints(random, truth, 12));
        }
        Path trainingDir = Files.createDirectory(dir.resolve("training"));
        Path testDir = Files.createDirectory(dir.resolve("test"));

        StreamingLinearRegressionWithSGD reference = new StreamingLinearRegressionWithSGD(
                StreamingLinearRegressionWithSGD.Options.defaults()).setInitialWeights(Vectors.zeros(3));
        TestDriver.run(train, BATCHES, PARTITIONS, reference::trainOn);
        LinearRegressionModel expected = reference.latestModel();

        StreamingLinearRegressionWithSGD[] model = new StreamingLinearRegressionWithSGD[1];
        String printed = runOnFiles(trainingDir, testDir, lines(train, SparkStreamingExamplesTest::linearLine),
                lines(test, SparkStreamingExamplesTest::linearLine),
                driver -> model[0] = JavaStreamingLinearRegressionExample.build(new JavaStreamingContext(driver.context()),
                        new String[] {trainingDir.toString(), testDir.toString()}));

        LinearRegressionModel actual = model[0].latestModel();
        assertArrayEquals(expected.weights(), actual.weights());
        assertEquals(BATCHES, actual.version());
        assertTrue(Math.abs(actual.weights()[0] - truth[0]) < 0.5, "weights " + List.of(actual.weights()[0]));
        List<String> last = new ArrayList<>();
        for (LabeledPoint p : test.get(BATCHES - 1).subList(0, 10)) {
            last.add(new Tuple2<>(p.label(), expected.predict(p.features())).toString());
        }
        assertPrinted(printed, BATCHES * TestDriver.INTERVAL_MILLIS, last, true);
    }

    @Test
    void shouldRunSparksStreamingLogisticRegressionExample() throws Exception {
        Random random = new Random(2);
        List<List<LabeledPoint>> train = new ArrayList<>();
        List<List<LabeledPoint>> test = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            train.add(logisticPoints(random, 40));
            test.add(logisticPoints(random, 8));
        }
        Path trainingDir = Files.createDirectory(dir.resolve("training"));
        Path testDir = Files.createDirectory(dir.resolve("test"));

        StreamingLogisticRegressionWithSGD reference = new StreamingLogisticRegressionWithSGD(
                StreamingLogisticRegressionWithSGD.Options.defaults()).setInitialWeights(Vectors.zeros(2));
        TestDriver.run(train, BATCHES, PARTITIONS, reference::trainOn);
        LogisticRegressionModel expected = reference.latestModel();

        StreamingLogisticRegressionWithSGD[] model = new StreamingLogisticRegressionWithSGD[1];
        String printed = runOnFiles(trainingDir, testDir, lines(train, LabeledPoint::toString),
                lines(test, LabeledPoint::toString),
                driver -> model[0] = JavaStreamingLogisticRegression.build(new JavaStreamingContext(driver.context()),
                        new String[] {trainingDir.toString(), testDir.toString(), "1", "2"}));

        LogisticRegressionModel actual = model[0].latestModel();
        assertArrayEquals(expected.weights(), actual.weights());
        assertEquals(BATCHES, actual.version());
        assertTrue(actual.weights()[0] > 0 && actual.weights()[1] < 0, "weights " + List.of(actual.weights()[0],
                actual.weights()[1]));
        List<String> last = new ArrayList<>();
        for (LabeledPoint p : test.get(BATCHES - 1)) {
            last.add(new Tuple2<>(p.label(), expected.predict(p.features())).toString());
        }
        assertPrinted(printed, BATCHES * TestDriver.INTERVAL_MILLIS, last, false);
    }

    @Test
    void shouldRunSparksStreamingKMeansExample() throws Exception {
        Random random = new Random(3);
        double[][] centers = {{-5.0, 0.0}, {5.0, 5.0}, {0.0, -6.0}};
        List<List<Vector>> train = new ArrayList<>();
        List<List<LabeledPoint>> test = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<Vector> points = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                double[] c = centers[random.nextInt(3)];
                double[] x = {c[0] + random.nextGaussian(), c[1] + random.nextGaussian()};
                // Every fourth training vector is written in the sparse form.
                points.add(i % 4 == 3 ? Vectors.sparse(2, new int[] {0, 1}, x) : Vectors.dense(x));
            }
            train.add(points);
            List<LabeledPoint> labelled = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                labelled.add(LabeledPoint.of(j, centers[j][0] + 0.1, centers[j][1] - 0.1));
            }
            test.add(labelled);
        }
        Path trainingDir = Files.createDirectory(dir.resolve("training"));
        Path testDir = Files.createDirectory(dir.resolve("test"));

        StreamingKMeans reference = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(3).withDecayFactor(1.0))
                .setRandomCenters(2, 0.0, JavaStreamingKMeansExample.SEED);
        TestDriver.run(train, BATCHES, PARTITIONS, reference::trainOn);
        KMeansModel expected = reference.latestModel();

        StreamingKMeans[] model = new StreamingKMeans[1];
        String printed = runOnFiles(trainingDir, testDir, lines(train, Vector::toString),
                lines(test, LabeledPoint::toString),
                driver -> model[0] = JavaStreamingKMeansExample.build(new JavaStreamingContext(driver.context()),
                        new String[] {trainingDir.toString(), testDir.toString(), "1", "3", "2"}));

        KMeansModel actual = model[0].latestModel();
        assertArrayEquals(expected.centers(), actual.centers());
        assertArrayEquals(expected.clusterWeights(), actual.clusterWeights());
        assertEquals(BATCHES, actual.version());
        List<String> last = new ArrayList<>();
        for (LabeledPoint p : test.get(BATCHES - 1)) {
            last.add(new Tuple2<>(p.label(), expected.predict(p.features())).toString());
        }
        assertPrinted(printed, BATCHES * TestDriver.INTERVAL_MILLIS, last, false);
    }

    /**
     * Builds the program on a manual-clock context, starts it, then for each batch writes its training and
     * test files and fires it; returns what the program printed.
     */
    private static String runOnFiles(Path trainingDir, Path testDir, List<List<String>> train,
                                     List<List<String>> test, Consumer<TestDriver> program) throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (TestDriver driver = new TestDriver(PARTITIONS)) {
            program.accept(driver);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            driver.context().start();
            for (int b = 0; b < train.size(); b++) {
                writeAtomically(trainingDir, "part-" + b + ".txt", train.get(b));
                writeAtomically(testDir, "part-" + b + ".txt", test.get(b));
                driver.run(1);
            }
        } finally {
            System.setOut(stdout);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** Writes the lines under a hidden name, then renames it, so the stream never reads half a file. */
    private static void writeAtomically(Path directory, String name, List<String> lines) throws IOException {
        Path hidden = directory.resolve("." + name);
        Files.write(hidden, lines, StandardCharsets.UTF_8);
        Files.move(hidden, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Asserts the program printed, for the batch at {@code timeMillis}, exactly {@code records} (Spark's print format). */
    private static void assertPrinted(String printed, long timeMillis, List<String> records, boolean more) {
        String rule = "-------------------------------------------\n";
        StringBuilder block = new StringBuilder(rule).append("Time: ").append(timeMillis).append(" ms\n").append(rule);
        records.forEach(r -> block.append(r).append('\n'));
        block.append(more ? "...\n" : "").append('\n');
        assertTrue(printed.contains(block), "expected\n" + block + "in\n" + printed);
    }

    /** Points of {@code y = truth·x + noise}; every fifth has sparse features {@code (3,[0,2],[x1,x3])}. */
    private static List<LabeledPoint> linearPoints(Random random, double[] truth, int n) {
        List<LabeledPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            if (i % 5 == 4) {
                x[1] = 0.0;
            }
            double y = truth[0] * x[0] + truth[1] * x[1] + truth[2] * x[2] + 0.1 * random.nextGaussian();
            out.add(i % 5 == 4 ? new LabeledPoint(y, Vectors.sparse(3, new int[] {0, 2}, new double[] {x[0], x[2]}))
                    : LabeledPoint.of(y, x));
        }
        return out;
    }

    /**
     * The line of {@code p} in one of the three forms {@code LabeledPoint.parse} reads: {@code (y,[x1,x2,x3])},
     * {@code (y,(3,[0,2],[x1,x3]))} for sparse points, and MLlib's pre-1.0 {@code y,x1 x2 x3} for every
     * dense point whose label's last bit is set (about half).
     */
    private static String linearLine(LabeledPoint p) {
        if (p.features() instanceof org.streamml.ml.linalg.DenseVector d
                && (Double.doubleToLongBits(p.label()) & 1) == 1) {
            StringBuilder line = new StringBuilder().append(p.label()).append(',');
            for (int i = 0; i < d.size(); i++) {
                line.append(i == 0 ? "" : " ").append(d.get(i));
            }
            return line.toString();
        }
        return p.toString();
    }

    private static <T> List<List<String>> lines(List<List<T>> batches, Function<T, String> format) {
        List<List<String>> out = new ArrayList<>();
        for (List<T> batch : batches) {
            List<String> lines = new ArrayList<>();
            batch.forEach(r -> lines.add(format.apply(r)));
            out.add(lines);
        }
        return out;
    }

    /** Binary points, {@code P(y = 1) = σ(2·x1 − x2)}. */
    private static List<LabeledPoint> logisticPoints(Random random, int n) {
        List<LabeledPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] x = {random.nextGaussian(), random.nextGaussian()};
            double p = 1.0 / (1.0 + Math.exp(-(2.0 * x[0] - x[1])));
            out.add(LabeledPoint.of(random.nextDouble() < p ? 1.0 : 0.0, x));
        }
        return out;
    }

}
