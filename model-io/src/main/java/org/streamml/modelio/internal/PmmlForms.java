package org.streamml.modelio.internal;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;

/**
 * The PMML forms of the built-in model types, by model class: {@code RegressionModel} for linear and
 * logistic regression, {@code ClusteringModel} for k-means, as Spark's {@code toPMML} writes them. A
 * model type without a form here cannot be saved as PMML (JSON and binary need only its codec).
 */
final class PmmlForms {
    private static final Map<Class<?>, PmmlForm<?>> FORMS = Map.of(
            LinearRegressionModel.class, new Linear(),
            LogisticRegressionModel.class, new Logistic(),
            KMeansModel.class, new Clustering());

    private PmmlForms() {
    }

    /** The form of models of exactly {@code type}, if PMML has one. */
    @SuppressWarnings("unchecked")
    static <M extends Model> Optional<PmmlForm<M>> forClass(Class<M> type) {
        return Optional.ofNullable((PmmlForm<M>) FORMS.get(type));
    }

    private static void table(PmmlWriter w, double[] weights, double intercept, String... attributes) {
        String[] a = new String[attributes.length + 2];
        a[0] = "intercept";
        a[1] = Double.toString(intercept);
        System.arraycopy(attributes, 0, a, 2, attributes.length);
        w.open("RegressionTable", a);
        for (int i = 0; i < weights.length; i++) {
            w.empty("NumericPredictor", "name", PmmlWriter.field(i), "coefficient", Double.toString(weights[i]));
        }
        w.close("RegressionTable");
    }

    private static final class Linear implements PmmlForm<LinearRegressionModel> {
        @Override
        public Class<LinearRegressionModel> modelClass() {
            return LinearRegressionModel.class;
        }

        @Override
        public String description() {
            return "linear regression";
        }

        @Override
        public int targetFields() {
            return 1;
        }

        @Override
        public void targetField(PmmlWriter w) {
            w.empty("DataField", "name", PmmlWriter.TARGET, "optype", "continuous", "dataType", "double");
        }

        @Override
        public void model(LinearRegressionModel m, PmmlWriter w) {
            w.open("RegressionModel", "modelName", "linear regression", "functionName", "regression");
            w.miningSchema(m.numFeatures(), true);
            table(w, m.weights(), m.intercept());
            w.close("RegressionModel");
        }
    }

    private static final class Logistic implements PmmlForm<LogisticRegressionModel> {
        @Override
        public Class<LogisticRegressionModel> modelClass() {
            return LogisticRegressionModel.class;
        }

        @Override
        public String description() {
            return "logistic regression";
        }

        @Override
        public int targetFields() {
            return 1;
        }

        @Override
        public void targetField(PmmlWriter w) {
            w.open("DataField", "name", PmmlWriter.TARGET, "optype", "categorical", "dataType", "string");
            w.empty("Value", "value", "0");
            w.empty("Value", "value", "1");
            w.close("DataField");
        }

        @Override
        public void model(LogisticRegressionModel m, PmmlWriter w) {
            w.open("RegressionModel", "modelName", "logistic regression", "functionName", "classification",
                    "normalizationMethod", "logit");
            OptionalDouble t = m.threshold();
            w.extension("threshold", t.isPresent() ? Double.toString(t.getAsDouble()) : "none");
            w.miningSchema(m.numFeatures(), true);
            table(w, m.weights(), m.intercept(), "targetCategory", "1");
            w.empty("RegressionTable", "intercept", Double.toString(PmmlWriter.thresholdIntercept(t)),
                    "targetCategory", "0");
            w.close("RegressionModel");
        }
    }

    private static final class Clustering implements PmmlForm<KMeansModel> {
        @Override
        public Class<KMeansModel> modelClass() {
            return KMeansModel.class;
        }

        @Override
        public String description() {
            return "k-means clustering";
        }

        @Override
        public int targetFields() {
            return 0;
        }

        @Override
        public void targetField(PmmlWriter w) {
        }

        @Override
        public void model(KMeansModel km, PmmlWriter w) {
            int d = km.numFeatures();
            w.open("ClusteringModel", "modelName", "k-means", "functionName", "clustering", "modelClass",
                    "centerBased", "numberOfClusters", Integer.toString(km.k()));
            w.miningSchema(d, false);
            w.open("ComparisonMeasure", "kind", "distance");
            w.empty("squaredEuclidean");
            w.close("ComparisonMeasure");
            for (int i = 0; i < d; i++) {
                w.empty("ClusteringField", "field", PmmlWriter.field(i), "compareFunction", "absDiff");
            }
            double[] weights = km.clusterWeights();
            for (int j = 0; j < km.k(); j++) {
                w.open("Cluster", "name", "cluster_" + j);
                w.extension("weight", Double.toString(weights[j]));
                w.realArray(km.center(j));
                w.close("Cluster");
            }
            w.close("ClusteringModel");
        }
    }
}
