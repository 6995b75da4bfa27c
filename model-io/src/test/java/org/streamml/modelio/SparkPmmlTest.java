package org.streamml.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;

/** Spark 3.5.6's own PMML files load into exactly Spark's models and predict what Spark predicted. */
class SparkPmmlTest {

    static Path resource(String name) {
        try {
            return Path.of(SparkPmmlTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a CSV with a header, as doubles. */
    static List<double[]> csv(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                row[i] = Double.parseDouble(cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static double[] features(double[] row) {
        double[] x = new double[row.length - 1];
        System.arraycopy(row, 1, x, 0, x.length);
        return x;
    }

    /**
     * Spark's dot product on JDK 17 (netlib {@code Java11BLAS.ddot}): four fma partial sums over blocks
     * of four, added in order, then the rest folded in with fma.
     */
    static double sparkDot(double[] x, double[] y) {
        int n = x.length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 = Math.fma(x[i], y[i], s0);
            s1 = Math.fma(x[i + 1], y[i + 1], s1);
            s2 = Math.fma(x[i + 2], y[i + 2], s2);
            s3 = Math.fma(x[i + 3], y[i + 3], s3);
        }
        double sum = s0 + s1 + s2 + s3;
        for (; i < n; i++) {
            sum = Math.fma(x[i], y[i], sum);
        }
        return sum;
    }

    @Test
    void shouldLoadSparkModelsBitForBitEqualToSparksFinalModels() throws IOException {
        for (String c : new String[] {"linreg", "logreg", "kmeans"}) {
            Model loaded = ModelIO.load(resource("spark-pmml/" + c + "/model.pmml"));
            Model expected = ModelJson.parse(Files.readString(resource("spark-pmml/" + c + "/expected-model.json")));

            if (expected instanceof KMeansModel km) {
                // Spark's PMML has no cluster weights: they load as 0, Spark's initial weight.
                assertArrayEquals(km.centers(), ((KMeansModel) loaded).centers(), c);
                assertArrayEquals(new double[km.k()], ((KMeansModel) loaded).clusterWeights(), c);
            } else {
                assertEquals(expected, loaded, c);
            }
        }
    }

    @Test
    void shouldReadSparkProvenanceAndVersionZero() throws IOException {
        ModelFile f = ModelIO.read(resource("spark-pmml/logreg/model.pmml"));

        assertEquals("Apache Spark MLlib 3.5.6", f.provenance().library());
        assertEquals("2026-11-25T11:53:31", f.provenance().createdAt());
        assertEquals(0, f.model().version());
        assertEquals(Model.NO_BATCH, f.model().lastBatchTimeMillis());
    }

    @Test
    void linearRegressionShouldPredictExactlyWhatSparkPredicted() throws IOException {
        LinearRegressionModel m = ModelIO.load(resource("spark-pmml/linreg/model.pmml"), LinearRegressionModel.class);
        List<double[]> rows = csv(resource("spark-pmml/linreg/input.csv"));
        List<double[]> spark = csv(resource("spark-pmml/linreg/predictions.csv"));
        assertEquals(200, rows.size());

        for (int r = 0; r < rows.size(); r++) {
            double[] x = features(rows.get(r));
            double expected = spark.get(r)[0];
            assertEquals(expected, sparkDot(x, m.weights()) + m.intercept(), 0.0, "row " + r);
            assertEquals(expected, m.predict(x), 1e-12 * Math.abs(expected), "row " + r);
        }
    }

    @Test
    void logisticRegressionShouldPredictExactlyWhatSparkPredicted() throws IOException {
        LogisticRegressionModel m = ModelIO.load(resource("spark-pmml/logreg/model.pmml"),
                LogisticRegressionModel.class);
        List<double[]> rows = csv(resource("spark-pmml/logreg/input.csv"));
        List<double[]> spark = csv(resource("spark-pmml/logreg/predictions.csv"));
        assertEquals(0.5, m.threshold().getAsDouble());

        for (int r = 0; r < rows.size(); r++) {
            double[] x = features(rows.get(r));
            double expectedClass = spark.get(r)[0];
            double expectedProbability = spark.get(r)[1];
            double p = LogisticRegressionModel.sigmoid(sparkDot(x, m.weights()) + m.intercept());
            assertEquals(expectedProbability, p, 0.0, "row " + r);
            assertEquals(expectedProbability, m.probability(x), 1e-12, "row " + r);
            assertEquals(expectedClass, m.predict(x), "row " + r);
        }
    }

    @Test
    void kMeansShouldAssignExactlyTheClustersSparkAssigned() throws IOException {
        KMeansModel m = ModelIO.load(resource("spark-pmml/kmeans/model.pmml"), KMeansModel.class);
        List<double[]> rows = csv(resource("spark-pmml/kmeans/input.csv"));
        List<double[]> spark = csv(resource("spark-pmml/kmeans/predictions.csv"));
        assertEquals(4, m.k());

        for (int r = 0; r < rows.size(); r++) {
            assertEquals((int) spark.get(r)[0], m.predict(rows.get(r)), "row " + r);
        }
    }

    @Test
    void convertingSparkPmmlToEveryFormatShouldKeepTheModel() throws IOException {
        for (String c : new String[] {"linreg", "logreg", "kmeans"}) {
            ModelFile spark = ModelIO.read(resource("spark-pmml/" + c + "/model.pmml"));
            for (ModelFormat format : ModelFormat.values()) {
                ModelFile back = ModelIO.decode(ModelIO.encode(spark, format), c + "." + format.extension());
                assertEquals(spark, back, c + " as " + format);
            }
            assertTrue(spark.options().isEmpty());
        }
    }
}
