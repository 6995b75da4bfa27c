package org.streamml.modelio;

import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;

/** Generators of valid models: every finite double (subnormals, -0.0, extremes), any version. */
final class ModelArbitraries {
    private ModelArbitraries() {
    }

    /** Any finite double, drawn from all bit patterns plus the edge cases. */
    static Arbitrary<Double> finiteDoubles() {
        Arbitrary<Double> bits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
        Arbitrary<Double> edges = Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
                -Double.MAX_VALUE, Double.MIN_NORMAL, 0.1, 1.0 / 3, 1e-300, -123456.789);
        Arbitrary<Double> ordinary = Arbitraries.doubles().between(-100, 100);
        return Arbitraries.frequencyOf(Tuple.of(4, bits), Tuple.of(1, edges), Tuple.of(3, ordinary));
    }

    static Arbitrary<double[]> vectors(int d) {
        return finiteDoubles().array(double[].class).ofSize(d);
    }

    static Arbitrary<Long> versions() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE).edgeCases(c -> c.add(0L));
    }

    static Arbitrary<Long> batchTimes() {
        return Arbitraries.longs().between(Model.NO_BATCH, Long.MAX_VALUE).edgeCases(c -> c.add(Model.NO_BATCH));
    }

    static Arbitrary<LinearRegressionModel> linear() {
        return Arbitraries.integers().between(1, 12).flatMap(d -> Combinators.combine(vectors(d), finiteDoubles(),
                versions(), batchTimes()).as(LinearRegressionModel::new));
    }

    static Arbitrary<OptionalDouble> thresholds() {
        Arbitrary<OptionalDouble> inside = Arbitraries.longs().map(Double::longBitsToDouble)
                .filter(t -> t >= 0 && t <= 1).map(OptionalDouble::of);
        Arbitrary<OptionalDouble> edges = Arbitraries.of(OptionalDouble.empty(), OptionalDouble.of(0.0),
                OptionalDouble.of(1.0), OptionalDouble.of(0.5), OptionalDouble.of(0.7), OptionalDouble.of(-0.0));
        return Arbitraries.oneOf(inside, edges, Arbitraries.doubles().between(0, 1).map(OptionalDouble::of));
    }

    static Arbitrary<LogisticRegressionModel> logistic() {
        return Arbitraries.integers().between(1, 12).flatMap(d -> Combinators.combine(vectors(d), finiteDoubles(),
                thresholds(), versions(), batchTimes()).as(LogisticRegressionModel::new));
    }

    static Arbitrary<KMeansModel> kmeans() {
        Arbitrary<Double> weights = Arbitraries.oneOf(finiteDoubles().map(Math::abs),
                Arbitraries.of(0.0, 1.0, 1000.0));
        return Arbitraries.integers().between(1, 6).flatMap(k -> Arbitraries.integers().between(1, 8).flatMap(d ->
                Combinators.combine(vectors(d).array(double[][].class).ofSize(k),
                        weights.array(double[].class).ofSize(k), versions(), batchTimes())
                        .as(KMeansModel::new)));
    }

    static Arbitrary<Model> models() {
        return Arbitraries.oneOf(linear(), logistic(), kmeans());
    }
}
