package org.streamml.modelio.internal;

import static org.streamml.modelio.internal.PmmlElements.attribute;
import static org.streamml.modelio.internal.PmmlElements.children;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.codec.ModelState;
import org.w3c.dom.Element;

/**
 * Reads a PMML {@code RegressionModel}: {@code functionName="regression"} without normalization (linear
 * regression), or {@code functionName="classification"} with {@code normalizationMethod="logit"} and two
 * tables (binary logistic regression). The first table holds the class-1 intercept and coefficients;
 * the second table, which must have no predictors, holds the decision threshold t as its intercept
 * logit(t), Spark's convention (0 for t = 0.5, sklearn2pmml's value too). A StreamML {@code Extension}
 * named {@code threshold} gives t exactly, or {@code none}.
 */
final class PmmlRegression {
    private static final Set<String> CHILDREN = Set.of("Extension", "MiningSchema", "Output", "ModelStats",
            "ModelExplanation", "Targets", "LocalTransformations", "RegressionTable", "ModelVerification");
    private static final List<String> RESCALING = List.of("rescaleFactor", "rescaleConstant", "min", "max",
            "castInteger");

    private final PmmlReader reader;
    private final PmmlElements x;

    PmmlRegression(PmmlReader reader) {
        this.reader = reader;
        this.x = reader.x;
    }

    Model read(Element model, ModelState state) throws ModelFormatException {
        long version = state.version();
        long lastBatch = state.lastBatchTimeMillis();
        reader.checkModelChildren(model, CHILDREN);
        checkTargets(model);
        List<String> fields = reader.activeFields(model);
        String function = x.required(model, "functionName");
        String normalization = attribute(model, "normalizationMethod") == null ? "none"
                : model.getAttribute("normalizationMethod");
        List<Element> tables = children(model, "RegressionTable");
        if (function.equals("regression")) {
            if (!normalization.equals("none")) {
                throw x.error(model, "normalizationMethod", normalization, "none for a linear regression");
            }
            if (tables.size() != 1) {
                throw x.error(model, tables.size() + " RegressionTable elements", "one for a linear regression");
            }
            Element t = tables.get(0);
            return new LinearRegressionModel(coefficients(t, fields), x.number(t, "intercept", 0.0), version,
                    lastBatch, effectiveCount(model, state));
        }
        if (!function.equals("classification")) {
            throw x.error(model, "functionName", function, "regression or classification");
        }
        if (!normalization.equals("logit")) {
            throw x.error(model, "normalizationMethod", normalization,
                    "logit (only binary logistic regression is supported for classification)");
        }
        if (tables.size() != 2) {
            throw x.error(model, tables.size() + " RegressionTable elements",
                    "two for a binary logistic regression");
        }
        Element positive = tables.get(0);
        Element cutoff = tables.get(1);
        for (Element c : children(cutoff)) {
            if (!c.getLocalName().equals("Extension")) {
                throw x.error(c, c.getLocalName() + " in the second RegressionTable",
                        "a second table with an intercept only (a binary logit model)");
            }
        }
        double[] w = coefficients(positive, fields);
        double b = x.number(positive, "intercept", 0.0);
        OptionalDouble threshold = threshold(model, cutoff);
        return new LogisticRegressionModel(w, b, threshold, version, lastBatch, effectiveCount(model, state));
    }

    /** The StreamML state value {@code effectiveCount}, >= 0; 0 when the file has none (another tool's). */
    private double effectiveCount(Element model, ModelState state) throws ModelFormatException {
        double n = state.value(LinearRegressionCodec.EFFECTIVE_COUNT, 0.0);
        if (!(n >= 0)) {
            throw x.error(model, "state:" + LinearRegressionCodec.EFFECTIVE_COUNT + " " + n,
                    "an effective count >= 0 in the Header's StreamML Extension");
        }
        return n;
    }

    private OptionalDouble threshold(Element model, Element cutoff) throws ModelFormatException {
        for (Element e : children(model, "Extension")) {
            if (PmmlReader.isStreamMl(e) && "threshold".equals(attribute(e, "name"))) {
                String v = x.required(e, "value");
                if (v.equals("none")) {
                    return OptionalDouble.empty();
                }
                double t = x.number(e, "value", v);
                if (!(t >= 0 && t <= 1)) {
                    throw x.error(e, "value", v, "a threshold in [0, 1] or none");
                }
                return OptionalDouble.of(t);
            }
        }
        double c = x.number(cutoff, "intercept", 0.0);
        if (c == -Double.MAX_VALUE) {
            return OptionalDouble.of(0.0);
        }
        if (c == Double.MAX_VALUE) {
            return OptionalDouble.of(1.0);
        }
        return OptionalDouble.of(LogisticRegressionModel.sigmoid(c));
    }

    private double[] coefficients(Element table, List<String> fields) throws ModelFormatException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i), i);
        }
        double[] w = new double[fields.size()];
        boolean[] seen = new boolean[fields.size()];
        for (Element p : children(table)) {
            String kind = p.getLocalName();
            if (kind.equals("Extension")) {
                continue;
            }
            if (!kind.equals("NumericPredictor")) {
                throw x.unsupported(p, "NumericPredictor (no categorical predictors or interaction terms)");
            }
            String name = x.required(p, "name");
            Integer i = index.get(name);
            if (i == null) {
                throw x.error(p, "name", "\"" + name + "\"", "one of the active fields " + fields);
            }
            if (seen[i]) {
                throw x.error(p, "name", "a second predictor for \"" + name + "\"", "one predictor per field");
            }
            double exponent = x.number(p, "exponent", 1.0);
            if (exponent != 1.0) {
                throw x.error(p, "exponent", String.valueOf(exponent), "1 (only linear terms are supported)");
            }
            w[i] = x.number(p, "coefficient", x.required(p, "coefficient"));
            seen[i] = true;
        }
        return w;
    }

    private void checkTargets(Element model) throws ModelFormatException {
        for (Element targets : children(model, "Targets")) {
            for (Element t : children(targets, "Target")) {
                for (String a : RESCALING) {
                    if (attribute(t, a) != null) {
                        throw x.error(t, a, t.getAttribute(a), "no target rescaling (not supported)");
                    }
                }
            }
        }
    }
}
