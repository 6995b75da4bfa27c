package org.streamml.modelio.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalDouble;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelFile;

/**
 * Writes PMML 4.4 in the shape Spark's {@code toPMML} uses (fields {@code field_0…}, a {@code target}
 * field, Spark's threshold convention for logistic regression), plus {@code Extension} elements with
 * extender {@code StreamML} for what PMML has no place for: the model's version and last batch time,
 * the algorithm options, the exact threshold (or {@code none}) and each cluster's weight. Numbers are
 * written with {@link Double#toString(double)}, so they read back exactly. Attribute values escape
 * tab, newline and carriage return as character references, so they survive XML's normalization.
 */
public final class PmmlWriter {
    /** The PMML 4.4 namespace. */
    public static final String NAMESPACE = "http://www.dmg.org/PMML-4_4";
    /** The {@code extender} attribute of StreamML's {@code Extension} elements. */
    public static final String EXTENDER = "StreamML";
    /** The name of the target field. */
    static final String TARGET = "target";

    private final StringBuilder sb = new StringBuilder(4096);
    private int depth;

    private PmmlWriter() {
    }

    /**
     * The PMML document for {@code file}, UTF-8.
     *
     * @throws IllegalArgumentException if an option or provenance text holds a control character that
     *         XML 1.0 cannot represent
     */
    public static byte[] write(ModelFile file) {
        PmmlWriter w = new PmmlWriter();
        w.document(file);
        return w.sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The field name of feature {@code i}. */
    static String field(int i) {
        return "field_" + i;
    }

    /** The table-"0" intercept through which Spark stores threshold {@code t}: logit(t), kept finite. */
    static double thresholdIntercept(OptionalDouble threshold) {
        double t = threshold.orElse(LogisticRegressionModel.DEFAULT_THRESHOLD);
        double logit = -Math.log(1.0 / t - 1.0);
        if (t <= 0 || logit == Double.NEGATIVE_INFINITY) {
            return -Double.MAX_VALUE;
        }
        if (t >= 1 || logit == Double.POSITIVE_INFINITY) {
            return Double.MAX_VALUE;
        }
        return logit;
    }

    private void document(ModelFile file) {
        Model m = file.model();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        open("PMML", "xmlns", NAMESPACE, "version", "4.4");
        header(file);
        dataDictionary(m);
        if (m instanceof KMeansModel km) {
            clustering(km);
        } else {
            regression(m);
        }
        close("PMML");
        sb.append('\n');
    }

    private void header(ModelFile file) {
        Model m = file.model();
        open("Header", "description", m instanceof KMeansModel ? "k-means clustering"
                : m instanceof LogisticRegressionModel ? "logistic regression" : "linear regression");
        extension("batchesApplied", Long.toString(m.version()));
        extension("lastBatchTimeMillis", Long.toString(m.lastBatchTimeMillis()));
        for (Map.Entry<String, String> e : file.options().entrySet()) {
            extension("option:" + e.getKey(), e.getValue());
        }
        String library = file.provenance().library();
        int space = library.lastIndexOf(' ');
        if (space > 0) {
            empty("Application", "name", library.substring(0, space), "version", library.substring(space + 1));
        } else {
            empty("Application", "name", library);
        }
        indent();
        sb.append("<Timestamp>");
        escape(file.provenance().createdAt(), false);
        sb.append("</Timestamp>");
        close("Header");
    }

    private void dataDictionary(Model m) {
        boolean regression = !(m instanceof KMeansModel);
        open("DataDictionary", "numberOfFields", Integer.toString(m.numFeatures() + (regression ? 1 : 0)));
        for (int i = 0; i < m.numFeatures(); i++) {
            empty("DataField", "name", field(i), "optype", "continuous", "dataType", "double");
        }
        if (m instanceof LogisticRegressionModel) {
            open("DataField", "name", TARGET, "optype", "categorical", "dataType", "string");
            empty("Value", "value", "0");
            empty("Value", "value", "1");
            close("DataField");
        } else if (regression) {
            empty("DataField", "name", TARGET, "optype", "continuous", "dataType", "double");
        }
        close("DataDictionary");
    }

    private void miningSchema(int d, boolean withTarget) {
        open("MiningSchema");
        for (int i = 0; i < d; i++) {
            empty("MiningField", "name", field(i), "usageType", "active");
        }
        if (withTarget) {
            empty("MiningField", "name", TARGET, "usageType", "target");
        }
        close("MiningSchema");
    }

    private void regression(Model m) {
        boolean logistic = m instanceof LogisticRegressionModel;
        double[] w = logistic ? ((LogisticRegressionModel) m).weights() : ((LinearRegressionModel) m).weights();
        double b = logistic ? ((LogisticRegressionModel) m).intercept() : ((LinearRegressionModel) m).intercept();
        if (logistic) {
            open("RegressionModel", "modelName", "logistic regression", "functionName", "classification",
                    "normalizationMethod", "logit");
            OptionalDouble t = ((LogisticRegressionModel) m).threshold();
            extension("threshold", t.isPresent() ? Double.toString(t.getAsDouble()) : "none");
        } else {
            open("RegressionModel", "modelName", "linear regression", "functionName", "regression");
        }
        miningSchema(w.length, true);
        if (logistic) {
            open("RegressionTable", "intercept", Double.toString(b), "targetCategory", "1");
        } else {
            open("RegressionTable", "intercept", Double.toString(b));
        }
        for (int i = 0; i < w.length; i++) {
            empty("NumericPredictor", "name", field(i), "coefficient", Double.toString(w[i]));
        }
        close("RegressionTable");
        if (logistic) {
            double cut = thresholdIntercept(((LogisticRegressionModel) m).threshold());
            empty("RegressionTable", "intercept", Double.toString(cut), "targetCategory", "0");
        }
        close("RegressionModel");
    }

    private void clustering(KMeansModel km) {
        int d = km.numFeatures();
        open("ClusteringModel", "modelName", "k-means", "functionName", "clustering", "modelClass", "centerBased",
                "numberOfClusters", Integer.toString(km.k()));
        miningSchema(d, false);
        open("ComparisonMeasure", "kind", "distance");
        empty("squaredEuclidean");
        close("ComparisonMeasure");
        for (int i = 0; i < d; i++) {
            empty("ClusteringField", "field", field(i), "compareFunction", "absDiff");
        }
        double[] weights = km.clusterWeights();
        for (int j = 0; j < km.k(); j++) {
            open("Cluster", "name", "cluster_" + j);
            extension("weight", Double.toString(weights[j]));
            indent();
            sb.append("<Array n=\"").append(d).append("\" type=\"real\">");
            double[] c = km.center(j);
            for (int i = 0; i < d; i++) {
                sb.append(i == 0 ? "" : " ").append(c[i]);
            }
            sb.append("</Array>");
            close("Cluster");
        }
        close("ClusteringModel");
    }

    private void extension(String name, String value) {
        empty("Extension", "extender", EXTENDER, "name", name, "value", value);
    }

    private void open(String name, String... attributes) {
        start(name, attributes);
        sb.append('>');
        depth++;
    }

    private void empty(String name, String... attributes) {
        start(name, attributes);
        sb.append("/>");
    }

    private void start(String name, String... attributes) {
        indent();
        sb.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            sb.append(' ').append(attributes[i]).append("=\"");
            escape(attributes[i + 1], true);
            sb.append('"');
        }
    }

    private void close(String name) {
        depth--;
        indent();
        sb.append("</").append(name).append('>');
    }

    private void indent() {
        sb.append('\n');
        for (int i = 0; i < depth; i++) {
            sb.append("    ");
        }
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\t', '\n', '\r' -> sb.append("&#").append((int) c).append(';');
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException("PMML (XML 1.0) cannot hold the character U+"
                                + String.format("%04X", (int) c) + " in: " + s);
                    }
                    sb.append(c);
                }
            }
        }
    }
}
