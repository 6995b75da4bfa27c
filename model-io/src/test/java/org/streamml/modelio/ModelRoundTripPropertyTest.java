package org.streamml.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;

/** Saving then loading is the identity, for every model type in every format. */
class ModelRoundTripPropertyTest {

    @Provide
    Arbitrary<Model> anyModel() {
        return ModelArbitraries.models();
    }

    @Provide
    Arbitrary<ModelFormat> anyFormat() {
        return Arbitraries.of(ModelFormat.class);
    }

    private static ModelFile roundTrip(ModelFile file, ModelFormat format) throws ModelFormatException {
        return ModelIO.decode(ModelIO.encode(file, format), "model." + format.extension());
    }

    @Property(tries = 250, seed = "20261125", edgeCases = EdgeCasesMode.NONE)
    void saveThenLoadShouldBeTheIdentityInEveryFormat(@ForAll("anyModel") Model model,
                                                     @ForAll("anyFormat") ModelFormat format) throws Exception {
        ModelFile file = new ModelFile(model, Map.of("stepSize", "0.1", "note", "a \"quoted\" ü\n"),
                new Provenance("StreamML 9.9", "2026-11-25T12:00:00Z"));

        ModelFile back = roundTrip(file, format);

        assertEquals(model, back.model());
        assertEquals(model.version(), back.model().version());
        assertEquals(model.lastBatchTimeMillis(), back.model().lastBatchTimeMillis());
        assertEquals(file, back);
    }

    @Property(tries = 200, seed = "20261125", edgeCases = EdgeCasesMode.NONE)
    void pmmlShouldGiveIdenticalPredictions(@ForAll("anyModel") Model model, @ForAll @LongRange long seed)
            throws Exception {
        Model back = roundTrip(ModelFile.of(model), ModelFormat.PMML).model();

        double[] x = features(model.numFeatures(), seed);
        assertArrayEquals(predictions(model, x), predictions(back, x));
    }

    @Property(tries = 200, seed = "20261125", edgeCases = EdgeCasesMode.NONE)
    void pmmlWithoutStreamMlExtensionsShouldKeepParametersAndPredictions(@ForAll("anyModel") Model model,
                                                                        @ForAll @LongRange long seed)
            throws Exception {
        String pmml = new String(ModelIO.encode(ModelFile.of(model), ModelFormat.PMML), StandardCharsets.UTF_8);
        String foreign = pmml.replaceAll("<Extension extender=\"StreamML\"[^>]*/>", "");

        Model back = ModelIO.decode(foreign.getBytes(StandardCharsets.UTF_8), "foreign.pmml").model();

        double[] x = features(model.numFeatures(), seed);
        if (model instanceof LogisticRegressionModel m) {
            LogisticRegressionModel b = (LogisticRegressionModel) back;
            assertArrayEquals(m.weights(), b.weights());
            assertEquals(m.intercept(), b.intercept());
            assertEquals(m.probability(x), b.probability(x));
        } else if (model instanceof KMeansModel m) {
            KMeansModel b = (KMeansModel) back;
            assertArrayEquals(m.centers(), b.centers());
            assertEquals(m.predict(x), b.predict(x));
        } else {
            LinearRegressionModel m = (LinearRegressionModel) model;
            assertEquals(new LinearRegressionModel(m.weights(), m.intercept()), back);
        }
    }

    private static double[] features(int d, long seed) {
        Random r = new Random(seed);
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            x[i] = r.nextGaussian() * 10;
        }
        return x;
    }

    private static double[] predictions(Model m, double[] x) {
        if (m instanceof LinearRegressionModel lin) {
            return new double[] {lin.predict(x)};
        }
        if (m instanceof LogisticRegressionModel log) {
            return new double[] {log.predict(x), log.probability(x)};
        }
        return new double[] {((KMeansModel) m).predict(x)};
    }
}
