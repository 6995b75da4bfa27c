package org.streamml.modelio.internal;

import static org.streamml.modelio.internal.PmmlElements.attribute;
import static org.streamml.modelio.internal.PmmlElements.children;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelFile;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.Provenance;
import org.streamml.modelio.codec.ModelState;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads the PMML subset StreamML supports: one {@code RegressionModel} (linear, or binary logistic with
 * {@code logit}) or {@code ClusteringModel} (center-based, (squared) Euclidean) over continuous fields,
 * as Spark's {@code toPMML}, sklearn2pmml and {@link PmmlWriter} write them. Element names are matched
 * by local name in any {@code http://www.dmg.org/PMML-*} namespace and the {@code version} attribute is
 * not checked (Spark writes version 4.2 in the 4.3 namespace). Anything outside the subset is rejected
 * with a message naming the element.
 */
public final class PmmlReader {
    private static final String NAMESPACE_PREFIX = "http://www.dmg.org/PMML-";
    private static final Set<String> IGNORED_TOP = Set.of("MiningBuildTask", "Extension");
    private static final Set<String> FIELD_TYPES = Set.of("double", "float", "integer");

    final PmmlElements x;
    private final Map<String, Element> dataFields = new HashMap<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Map<String, Double> state = new LinkedHashMap<>();
    private long batchesApplied;
    private long lastBatchTimeMillis = Model.NO_BATCH;
    private String library = Provenance.UNKNOWN;
    private String createdAt = Provenance.UNKNOWN;

    private PmmlReader(String source) {
        this.x = new PmmlElements(source);
    }

    /**
     * Reads a PMML document.
     *
     * @param source the file name for messages
     */
    public static ModelFile read(byte[] bytes, String source) throws ModelFormatException {
        PmmlReader r = new PmmlReader(source);
        return r.document(r.x.parse(bytes));
    }

    private ModelFile document(Document doc) throws ModelFormatException {
        Element root = doc.getDocumentElement();
        String ns = root.getNamespaceURI();
        if (!"PMML".equals(root.getLocalName()) || ns == null || !ns.startsWith(NAMESPACE_PREFIX)) {
            throw x.error(root, "element " + root.getLocalName() + " in namespace " + ns,
                    "a PMML element in a " + NAMESPACE_PREFIX + "* namespace");
        }
        Element model = null;
        boolean dictionary = false;
        for (Element e : children(root)) {
            String name = e.getLocalName();
            if (name.equals("Header")) {
                header(e);
            } else if (name.equals("DataDictionary")) {
                dataDictionary(e);
                dictionary = true;
            } else if (name.equals("TransformationDictionary")) {
                rejectContent(e, "derived fields");
            } else if (name.equals("RegressionModel") || name.equals("ClusteringModel")) {
                if (model != null) {
                    throw x.error(e, "a second model element", "exactly one model element");
                }
                model = e;
            } else if (!IGNORED_TOP.contains(name)) {
                throw x.unsupported(e, "Header, DataDictionary and one RegressionModel or ClusteringModel");
            }
        }
        if (!dictionary) {
            throw x.error(root, "no DataDictionary", "a DataDictionary");
        }
        if (model == null) {
            throw x.error(root, "no model element", "a RegressionModel or ClusteringModel");
        }
        ModelState s = new ModelState(batchesApplied, lastBatchTimeMillis, state);
        Model m = model.getLocalName().equals("RegressionModel") ? new PmmlRegression(this).read(model, s)
                : new PmmlClustering(this).read(model, s);
        return new ModelFile(m, options, new Provenance(library, createdAt));
    }

    private void header(Element header) throws ModelFormatException {
        for (Element e : children(header)) {
            switch (e.getLocalName()) {
                case "Extension":
                    headerExtension(e);
                    break;
                case "Application":
                    String version = attribute(e, "version");
                    library = x.required(e, "name") + (version == null ? "" : " " + version);
                    break;
                case "Timestamp":
                    createdAt = e.getTextContent().trim();
                    break;
                default:
                    break;
            }
        }
    }

    private void headerExtension(Element e) throws ModelFormatException {
        if (!isStreamMl(e)) {
            return;
        }
        String name = x.required(e, "name");
        String value = x.required(e, "value");
        if (name.equals("batchesApplied")) {
            batchesApplied = integer(e, value, 0);
        } else if (name.equals("lastBatchTimeMillis")) {
            lastBatchTimeMillis = integer(e, value, Model.NO_BATCH);
        } else if (name.startsWith("state:")) {
            state.put(name.substring("state:".length()), x.number(e, "value", value));
        } else if (name.startsWith("option:")) {
            options.put(name.substring("option:".length()), value);
        }
    }

    private long integer(Element e, String value, long min) throws ModelFormatException {
        try {
            long v = Long.parseLong(value.trim());
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException notAnInteger) {
            // reported below with the element
        }
        throw x.error(e, "value", "\"" + value + "\"", "an integer >= " + min);
    }

    /** Whether {@code e} is an {@code Extension} that StreamML wrote. */
    static boolean isStreamMl(Element e) {
        return PmmlWriter.EXTENDER.equals(attribute(e, "extender"));
    }

    private void dataDictionary(Element dict) throws ModelFormatException {
        for (Element f : children(dict, "DataField")) {
            String name = x.required(f, "name");
            if (dataFields.put(name, f) != null) {
                throw x.error(f, "name", "a second DataField \"" + name + "\"", "unique field names");
            }
        }
    }

    /** Rejects an element that has children other than {@code Extension}. */
    void rejectContent(Element e, String what) throws ModelFormatException {
        for (Element c : children(e)) {
            if (!c.getLocalName().equals("Extension")) {
                throw x.unsupported(c, e.getLocalName() + " without " + what);
            }
        }
    }

    /**
     * The names of the active fields of {@code model}'s {@code MiningSchema}, in order: the order of the
     * model's features. Each must be a continuous numeric {@code DataField}.
     */
    List<String> activeFields(Element model) throws ModelFormatException {
        Element schema = x.child(model, "MiningSchema");
        List<String> active = new ArrayList<>();
        for (Element mf : children(schema, "MiningField")) {
            String name = x.required(mf, "name");
            Element df = dataFields.get(name);
            if (df == null) {
                throw x.error(mf, "name", "\"" + name + "\"", "the name of a DataField");
            }
            String usage = attribute(mf, "usageType") == null ? "active" : mf.getAttribute("usageType");
            switch (usage) {
                case "active":
                    checkContinuous(mf, df);
                    active.add(name);
                    break;
                case "target":
                case "predicted":
                case "supplementary":
                    break;
                default:
                    throw x.error(mf, "usageType", usage, "active, target, predicted or supplementary");
            }
        }
        if (active.isEmpty()) {
            throw x.error(schema, "no active MiningField", "at least one active field");
        }
        return active;
    }

    private void checkContinuous(Element mf, Element df) throws ModelFormatException {
        String outliers = attribute(mf, "outliers");
        if (outliers != null && !outliers.equals("asIs")) {
            throw x.error(mf, "outliers", outliers, "asIs (outlier treatment is not supported)");
        }
        String optype = attribute(mf, "optype") != null ? mf.getAttribute("optype") : attribute(df, "optype");
        if (!"continuous".equals(optype)) {
            throw x.error(df, "optype", String.valueOf(optype), "continuous (only numeric features are supported)");
        }
        String type = attribute(df, "dataType");
        if (!FIELD_TYPES.contains(type)) {
            throw x.error(df, "dataType", String.valueOf(type), "double, float or integer");
        }
    }

    /** Rejects the model-level children other than {@code allowed}; checks LocalTransformations is empty. */
    void checkModelChildren(Element model, Set<String> allowed) throws ModelFormatException {
        for (Element c : children(model)) {
            String name = c.getLocalName();
            if (name.equals("LocalTransformations")) {
                rejectContent(c, "derived fields");
            } else if (!allowed.contains(name)) {
                throw x.unsupported(c, "only " + allowed + " inside " + model.getLocalName());
            }
        }
    }
}
