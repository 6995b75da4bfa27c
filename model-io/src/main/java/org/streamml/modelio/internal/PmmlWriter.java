package org.streamml.modelio.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalDouble;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelFile;
import org.streamml.modelio.codec.ModelCodec;

/**
 * Writes PMML 4.4 in the shape Spark's {@code toPMML} uses (fields {@code field_0…}, a {@code target}
 * field, Spark's threshold convention for logistic regression), plus {@code Extension} elements with
 * extender {@code StreamML} for what PMML has no place for: the model's version and last batch time,
 * the algorithm options, the model codec's state values ({@code state:NAME}), the exact threshold (or
 * {@code none}) and each cluster's weight. The model element comes from the model type's
 * {@link PmmlForms PMML form}; a type without one cannot be saved as PMML. Numbers are
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
     * @param codec the model type's codec, whose state values go into the header
     * @throws IllegalArgumentException if PMML has no form for the model's type, or an option or
     *         provenance text holds a control character that XML 1.0 cannot represent
     */
    public static <M extends Model> byte[] write(ModelFile file, ModelCodec<M> codec) {
        M m = codec.modelClass().cast(file.model());
        PmmlForm<M> form = PmmlForms.forClass(codec.modelClass()).orElseThrow(() -> new IllegalArgumentException(
                "PMML has no form for model type \"" + m.type() + "\" (" + m.getClass().getName()
                        + "): save it as JSON or binary"));
        PmmlWriter w = new PmmlWriter();
        w.document(file, m, form, codec.state(m));
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

    private <M extends Model> void document(ModelFile file, M m, PmmlForm<M> form, Map<String, Double> state) {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        open("PMML", "xmlns", NAMESPACE, "version", "4.4");
        header(file, form.description(), state);
        open("DataDictionary", "numberOfFields", Integer.toString(m.numFeatures() + form.targetFields()));
        for (int i = 0; i < m.numFeatures(); i++) {
            empty("DataField", "name", field(i), "optype", "continuous", "dataType", "double");
        }
        form.targetField(this);
        close("DataDictionary");
        form.model(m, this);
        close("PMML");
        sb.append('\n');
    }

    private void header(ModelFile file, String description, Map<String, Double> state) {
        Model m = file.model();
        open("Header", "description", description);
        extension("batchesApplied", Long.toString(m.version()));
        extension("lastBatchTimeMillis", Long.toString(m.lastBatchTimeMillis()));
        for (Map.Entry<String, Double> e : state.entrySet()) {
            extension("state:" + e.getKey(), Double.toString(e.getValue()));
        }
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

    /** A {@code MiningSchema} of {@code d} active fields and, if {@code withTarget}, the target. */
    void miningSchema(int d, boolean withTarget) {
        open("MiningSchema");
        for (int i = 0; i < d; i++) {
            empty("MiningField", "name", field(i), "usageType", "active");
        }
        if (withTarget) {
            empty("MiningField", "name", TARGET, "usageType", "target");
        }
        close("MiningSchema");
    }

    /** An {@code Array} of {@code values} of type real, on one line. */
    void realArray(double[] values) {
        indent();
        sb.append("<Array n=\"").append(values.length).append("\" type=\"real\">");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : " ").append(values[i]);
        }
        sb.append("</Array>");
    }

    /** A StreamML {@code Extension} with {@code name} and {@code value}. */
    void extension(String name, String value) {
        empty("Extension", "extender", EXTENDER, "name", name, "value", value);
    }

    /** Opens element {@code name} with attribute name-value pairs. */
    void open(String name, String... attributes) {
        start(name, attributes);
        sb.append('>');
        depth++;
    }

    /** An empty element {@code name} with attribute name-value pairs. */
    void empty(String name, String... attributes) {
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

    /** Closes element {@code name}. */
    void close(String name) {
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
