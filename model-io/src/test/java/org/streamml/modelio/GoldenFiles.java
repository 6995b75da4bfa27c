package org.streamml.modelio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;

/**
 * The models of the golden files under {@code src/test/resources/golden/v1} (format version 1, written
 * by StreamML before model files held state values) and {@code golden/v2} (format version 2, with the
 * effective count of forgetting), and the program that writes the current version:
 * {@code java -cp <test class path> org.streamml.modelio.GoldenFiles model-io/src/test/resources/golden/v2}.
 * Never rewrite the files of a released format version; a new version gets a new directory.
 */
final class GoldenFiles {
    static final Provenance PROVENANCE = new Provenance("StreamML 0.1.0-SNAPSHOT", "2026-11-25T12:00:00Z");

    private GoldenFiles() {
    }

    static ModelFile linear() {
        return new ModelFile(new LinearRegressionModel(new double[] {0.5531824488755153, -1.012813272691464, 1e-300,
                -0.0, 2.5}, 0.125, 20, 1_764_072_000_000L), Map.of("stepSize", "0.1"), PROVENANCE);
    }

    static ModelFile logistic() {
        return new ModelFile(new LogisticRegressionModel(new double[] {0.17347010161675702, -0.2754553930820488,
                Double.MIN_VALUE}, -0.5, OptionalDouble.of(0.7), 3, 1_000L), Map.of(), PROVENANCE);
    }

    static ModelFile kmeans() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("k", "3");
        options.put("decayFactor", "0.8");
        options.put("timeUnit", "batches");
        return new ModelFile(new KMeansModel(new double[][] {{4.614786471712907, -4.863487127703566},
            {-1.0E-5, 1.7976931348623157E308}, {0.0, 3.0}}, new double[] {0.0, 12.5, 1e6}, 42, 42_000L), options,
                PROVENANCE);
    }

    /** Version 2's linear model: version 1's with an effective count. */
    static ModelFile linearV2() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("stepSize", "0.1");
        options.put("forgettingFactor", "0.5");
        return new ModelFile(new LinearRegressionModel(new double[] {0.5531824488755153, -1.012813272691464, 1e-300,
                -0.0, 2.5}, 0.125, 20, 1_764_072_000_000L, 1234.5678), options, PROVENANCE);
    }

    /** Version 2's logistic model: version 1's with an effective count. */
    static ModelFile logisticV2() {
        return new ModelFile(new LogisticRegressionModel(new double[] {0.17347010161675702, -0.2754553930820488,
                Double.MIN_VALUE}, -0.5, OptionalDouble.of(0.7), 3, 1_000L, 7.25), Map.of(), PROVENANCE);
    }

    /** The models of format version 2, by file name. */
    static Map<String, ModelFile> versionTwo() {
        Map<String, ModelFile> files = new LinkedHashMap<>();
        files.put("linear-regression", linearV2());
        files.put("logistic-regression", logisticV2());
        files.put("kmeans", kmeans());
        return files;
    }

    /** The models of format version 1, by file name (effective count 0: version 1 has none). */
    static Map<String, ModelFile> all() {
        Map<String, ModelFile> files = new LinkedHashMap<>();
        files.put("linear-regression", linear());
        files.put("logistic-regression", logistic());
        files.put("kmeans", kmeans());
        return files;
    }

    /** Writes every golden file of the current format version into the directory {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        for (Map.Entry<String, ModelFile> e : versionTwo().entrySet()) {
            for (ModelFormat format : ModelFormat.values()) {
                ModelIO.save(e.getValue(), dir.resolve(e.getKey() + "." + format.extension()), format);
            }
        }
    }
}
