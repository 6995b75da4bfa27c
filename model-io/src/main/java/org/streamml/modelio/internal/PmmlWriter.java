package org.streamml.modelio.internal;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.OptionalDouble;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
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
 * written with {@link Double#toString(double)}, so they read back exactly.
 */
public final class PmmlWriter {
    /** The PMML 4.4 namespace. */
    public static final String NAMESPACE = "http://www.dmg.org/PMML-4_4";
    /** The {@code extender} attribute of StreamML's {@code Extension} elements. */
    public static final String EXTENDER = "StreamML";
    /** The name of the target field. */
    static final String TARGET = "target";

    private final XMLStreamWriter xml;
    private int depth;

    private PmmlWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** The PMML document for {@code file}, UTF-8. */
    public static byte[] write(ModelFile file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.setDefaultNamespace(NAMESPACE);
            new PmmlWriter(xml).document(file);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the JDK's XML writer failed on an in-memory stream", e);
        }
        return out.toByteArray();
    }

    /** The field name of feature {@code i}. */
    static String field(int i) {
        return "field_" + i;
    }

    /** The table-"0" intercept through which Spark stores threshold {@code t}: logit(t), clamped. */
    static double thresholdIntercept(OptionalDouble threshold) {
        double t = threshold.orElse(LogisticRegressionModel.DEFAULT_THRESHOLD);
        if (t <= 0) {
            return -Double.MAX_VALUE;
        }
        if (t >= 1) {
            return Double.MAX_VALUE;
        }
        return -Math.log(1.0 / t - 1.0);
    }

    private void document(ModelFile file) throws XMLStreamException {
        Model m = file.model();
        xml.writeStartDocument("UTF-8", "1.0");
        open("PMML");
        xml.writeDefaultNamespace(NAMESPACE);
        xml.writeAttribute("version", "4.4");
        header(file);
        dataDictionary(m);
        if (m instanceof KMeansModel km) {
            clustering(km);
        } else {
            regression(m);
        }
        close();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private void header(ModelFile file) throws XMLStreamException {
        Model m = file.model();
        open("Header");
        xml.writeAttribute("description", m instanceof KMeansModel ? "k-means clustering"
                : m instanceof LogisticRegressionModel ? "logistic regression" : "linear regression");
        extension("batchesApplied", Long.toString(m.version()));
        extension("lastBatchTimeMillis", Long.toString(m.lastBatchTimeMillis()));
        for (Map.Entry<String, String> e : file.options().entrySet()) {
            extension("option:" + e.getKey(), e.getValue());
        }
        String library = file.provenance().library();
        int space = library.lastIndexOf(' ');
        empty("Application");
        xml.writeAttribute("name", space > 0 ? library.substring(0, space) : library);
        if (space > 0) {
            xml.writeAttribute("version", library.substring(space + 1));
        }
        open("Timestamp");
        xml.writeCharacters(file.provenance().createdAt());
        xml.writeEndElement();
        depth--;
        close();
    }

    private void dataDictionary(Model m) throws XMLStreamException {
        boolean regression = !(m instanceof KMeansModel);
        open("DataDictionary");
        xml.writeAttribute("numberOfFields", Integer.toString(m.numFeatures() + (regression ? 1 : 0)));
        for (int i = 0; i < m.numFeatures(); i++) {
            dataField(field(i), "continuous", "double");
        }
        if (m instanceof LogisticRegressionModel) {
            open("DataField");
            xml.writeAttribute("name", TARGET);
            xml.writeAttribute("optype", "categorical");
            xml.writeAttribute("dataType", "string");
            for (String value : new String[] {"0", "1"}) {
                empty("Value");
                xml.writeAttribute("value", value);
            }
            close();
        } else if (regression) {
            dataField(TARGET, "continuous", "double");
        }
        close();
    }

    private void dataField(String name, String optype, String dataType) throws XMLStreamException {
        empty("DataField");
        xml.writeAttribute("name", name);
        xml.writeAttribute("optype", optype);
        xml.writeAttribute("dataType", dataType);
    }

    private void miningSchema(int d, boolean withTarget) throws XMLStreamException {
        open("MiningSchema");
        for (int i = 0; i < d; i++) {
            empty("MiningField");
            xml.writeAttribute("name", field(i));
            xml.writeAttribute("usageType", "active");
        }
        if (withTarget) {
            empty("MiningField");
            xml.writeAttribute("name", TARGET);
            xml.writeAttribute("usageType", "target");
        }
        close();
    }

    private void regression(Model m) throws XMLStreamException {
        boolean logistic = m instanceof LogisticRegressionModel;
        double[] w = logistic ? ((LogisticRegressionModel) m).weights() : ((LinearRegressionModel) m).weights();
        double b = logistic ? ((LogisticRegressionModel) m).intercept() : ((LinearRegressionModel) m).intercept();
        open("RegressionModel");
        xml.writeAttribute("modelName", logistic ? "logistic regression" : "linear regression");
        xml.writeAttribute("functionName", logistic ? "classification" : "regression");
        if (logistic) {
            xml.writeAttribute("normalizationMethod", "logit");
            OptionalDouble t = ((LogisticRegressionModel) m).threshold();
            extension("threshold", t.isPresent() ? Double.toString(t.getAsDouble()) : "none");
        }
        miningSchema(w.length, true);
        open("RegressionTable");
        xml.writeAttribute("intercept", Double.toString(b));
        if (logistic) {
            xml.writeAttribute("targetCategory", "1");
        }
        for (int i = 0; i < w.length; i++) {
            empty("NumericPredictor");
            xml.writeAttribute("name", field(i));
            xml.writeAttribute("coefficient", Double.toString(w[i]));
        }
        close();
        if (logistic) {
            empty("RegressionTable");
            double cut = thresholdIntercept(((LogisticRegressionModel) m).threshold());
            xml.writeAttribute("intercept", Double.toString(cut));
            xml.writeAttribute("targetCategory", "0");
        }
        close();
    }

    private void clustering(KMeansModel km) throws XMLStreamException {
        int d = km.numFeatures();
        open("ClusteringModel");
        xml.writeAttribute("modelName", "k-means");
        xml.writeAttribute("functionName", "clustering");
        xml.writeAttribute("modelClass", "centerBased");
        xml.writeAttribute("numberOfClusters", Integer.toString(km.k()));
        miningSchema(d, false);
        open("ComparisonMeasure");
        xml.writeAttribute("kind", "distance");
        empty("squaredEuclidean");
        close();
        for (int i = 0; i < d; i++) {
            empty("ClusteringField");
            xml.writeAttribute("field", field(i));
            xml.writeAttribute("compareFunction", "absDiff");
        }
        double[] weights = km.clusterWeights();
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < km.k(); j++) {
            open("Cluster");
            xml.writeAttribute("name", "cluster_" + j);
            extension("weight", Double.toString(weights[j]));
            open("Array");
            xml.writeAttribute("n", Integer.toString(d));
            xml.writeAttribute("type", "real");
            sb.setLength(0);
            double[] c = km.center(j);
            for (int i = 0; i < d; i++) {
                sb.append(i == 0 ? "" : " ").append(c[i]);
            }
            xml.writeCharacters(sb.toString());
            xml.writeEndElement();
            depth--;
            close();
        }
        close();
    }

    private void extension(String name, String value) throws XMLStreamException {
        empty("Extension");
        xml.writeAttribute("extender", EXTENDER);
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private void open(String name) throws XMLStreamException {
        indent();
        xml.writeStartElement(NAMESPACE, name);
        depth++;
    }

    private void empty(String name) throws XMLStreamException {
        indent();
        xml.writeEmptyElement(NAMESPACE, name);
    }

    private void close() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters(depth == 0 ? "\n" : "\n" + "    ".repeat(depth));
    }
}
