package org.streamml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.modelio.ModelIO;

/** {@code streamml train --optimizer sgd|adagrad|ftrl}: the online mode from the command line. */
class TrainOnlineCommandTest {
    private static final double[] W = {1.5, -2.0, 0.5, 3.0, -1.0};
    private static final double B = 0.5;

    @TempDir
    Path tmp;

    /** A CSV file {@code label,x1..x5} of {@code n} rows: {@code y = w·x + b + 0.1·ε}, or 0/1 by its sign. */
    private Path data(String name, int n, boolean logistic, long seed) throws Exception {
        Random rnd = new Random(seed);
        StringBuilder csv = new StringBuilder("label,x1,x2,x3,x4,x5\n");
        for (int i = 0; i < n; i++) {
            double[] x = new double[W.length];
            double z = B;
            for (int j = 0; j < x.length; j++) {
                x[j] = rnd.nextDouble() * 2 - 1;
                z += W[j] * x[j];
            }
            double y = logistic ? (z > 0 ? 1 : 0) : z + 0.1 * rnd.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%s", y));
            for (double v : x) {
                csv.append(',').append(v);
            }
            csv.append('\n');
        }
        Path p = tmp.resolve(name);
        Files.writeString(p, csv);
        return p;
    }

    private static CliRun train(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.of(all);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adagrad", "ftrl"})
    void shouldLearnAKnownLinearFunctionWithEachOptimizer(String optimizer) throws Exception {
        Path in = data("lin.csv", 20_000, false, 1);
        Path out = tmp.resolve("lin-" + optimizer + ".json");

        CliRun r = train("--algorithm", "linreg", "--input", in.toString(), "--batch-size", "2000",
                "--partitions", "2", "--optimizer", optimizer, "--step-size", "0.5", "--output", out.toString(), "-q");

        assertEquals(0, r.status(), r.err());
        LinearRegressionModel m = ModelIO.load(out, LinearRegressionModel.class);
        double[] w = m.weights();
        double error = (m.intercept() - B) * (m.intercept() - B);
        for (int j = 0; j < W.length; j++) {
            error += (w[j] - W[j]) * (w[j] - W[j]);
        }
        assertTrue(Math.sqrt(error) < 0.05, optimizer + " weight error " + Math.sqrt(error));
        assertEquals(10, m.version());
        assertEquals(optimizer, ModelIO.read(out).options().get("optimizer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adagrad", "ftrl"})
    void shouldSeparateSeparableLabelsWithEachOptimizer(String optimizer) throws Exception {
        Path in = data("log.csv", 20_000, true, 2);
        Path fresh = data("fresh.csv", 2_000, true, 3);
        Path out = tmp.resolve("log-" + optimizer + ".bin");

        CliRun r = train("--algorithm", "logreg", "--input", in.toString(), "--batch-size", "2000",
                "--partitions", "2", "--optimizer", optimizer, "--step-size", "0.5", "--output", out.toString(), "-q");

        assertEquals(0, r.status(), r.err());
        LogisticRegressionModel m = ModelIO.load(out, LogisticRegressionModel.class);
        long right = 0;
        for (String line : Files.readAllLines(fresh).subList(1, 2_001)) {
            String[] f = line.split(",");
            double[] x = new double[W.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = Double.parseDouble(f[j + 1]);
            }
            right += m.predict(org.streamml.ml.linalg.Vectors.dense(x)) == Double.parseDouble(f[0]) ? 1 : 0;
        }
        assertTrue(right >= 0.97 * 2_000, optimizer + " accuracy " + right + "/2000");
    }

    @Test
    void shouldKeepSparksMiniBatchModeByDefault() throws Exception {
        Path in = data("lin.csv", 400, false, 4);
        Path byDefault = tmp.resolve("default.json");
        Path named = tmp.resolve("named.json");
        Path online = tmp.resolve("online.json");

        assertEquals(0, train("--algorithm", "linreg", "--input", in.toString(), "--output", byDefault.toString(),
                "-q").status());
        assertEquals(0, train("--algorithm", "linreg", "--input", in.toString(), "--optimizer", "mini-batch",
                "--output", named.toString(), "-q").status());
        assertEquals(0, train("--algorithm", "linreg", "--input", in.toString(), "--optimizer", "sgd",
                "--output", online.toString(), "-q").status());

        LinearRegressionModel spark = ModelIO.load(byDefault, LinearRegressionModel.class);
        assertEquals(spark, ModelIO.load(named, LinearRegressionModel.class));
        assertEquals(0.0, spark.intercept());
        assertNotEquals(spark, ModelIO.load(online, LinearRegressionModel.class));
    }

    @Test
    void shouldRejectOptionsThatDoNotApplyToTheOptimizer() throws Exception {
        Path in = data("lin.csv", 10, false, 5);

        CliRun l1 = train("--algorithm", "linreg", "--input", in.toString(), "--optimizer", "sgd", "--l1", "0.1");
        CliRun iterations = train("--algorithm", "logreg", "--input", in.toString(), "--optimizer", "ftrl",
                "--iterations", "5");
        CliRun kmeans = train("--algorithm", "kmeans", "--input", in.toString(), "--optimizer", "sgd");
        CliRun unknown = train("--algorithm", "linreg", "--input", in.toString(), "--optimizer", "adam");
        CliRun beta = train("--algorithm", "linreg", "--input", in.toString(), "--ftrl-beta", "2");

        assertNotEquals(0, l1.status());
        assertTrue(l1.err().contains("--l1 does not apply to this algorithm"), l1.err());
        assertTrue(iterations.err().contains("--iterations (a mini-batch option) does not apply"), iterations.err());
        assertTrue(kmeans.err().contains("--optimizer does not apply"), kmeans.err());
        assertTrue(unknown.err().contains("unknown optimizer 'adam' (expected mini-batch, sgd, adagrad or ftrl)"),
                unknown.err());
        assertTrue(beta.err().contains("--ftrl-beta does not apply"), beta.err());
    }
}
