package org.streamml.modelio;

import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;
import org.streamml.modelio.internal.JsonModelCodec;

/**
 * The JSON form of a model, the {@code model} object of a trace line (DESIGN.md §4):
 * <pre>
 * {"type":"linear-regression","weights":[…],"intercept":0.0}
 * {"type":"logistic-regression","weights":[…],"intercept":0.0,"threshold":0.5}
 * {"type":"kmeans","centers":[[…],[…]],"weights":[…]}
 * </pre>
 * Numbers are written with {@link Double#toString(double)}, which reads back to the same double.
 * A logistic model without threshold writes {@code "threshold":null}. {@link #parse} reads the form back.
 */
public final class ModelJson {
    private ModelJson() {
    }

    /** The model's JSON object, on one line. */
    public static String toJson(Model model) {
        StringBuilder sb = new StringBuilder(64);
        appendJson(sb, model);
        return sb.toString();
    }

    /** Appends the model's JSON object to {@code sb}. */
    public static void appendJson(StringBuilder sb, Model model) {
        sb.append("{\"type\":\"").append(model.type()).append('"');
        if (model instanceof LinearRegressionModel m) {
            sb.append(",\"weights\":");
            appendArray(sb, m.weights());
            sb.append(",\"intercept\":").append(number(m.intercept()));
        } else if (model instanceof LogisticRegressionModel m) {
            sb.append(",\"weights\":");
            appendArray(sb, m.weights());
            sb.append(",\"intercept\":").append(number(m.intercept()));
            sb.append(",\"threshold\":")
                    .append(m.threshold().isPresent() ? number(m.threshold().getAsDouble()) : "null");
        } else if (model instanceof KMeansModel m) {
            sb.append(",\"centers\":[");
            double[][] centers = m.centers();
            for (int j = 0; j < centers.length; j++) {
                if (j > 0) {
                    sb.append(',');
                }
                appendArray(sb, centers[j]);
            }
            sb.append("],\"weights\":");
            appendArray(sb, m.clusterWeights());
        }
        sb.append('}');
    }

    /** Appends {@code [v0,v1,…]}. */
    public static void appendArray(StringBuilder sb, double[] values) {
        sb.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(number(values[i]));
        }
        sb.append(']');
    }

    /**
     * A finite double as a JSON number that reads back to the same value.
     *
     * @throws IllegalArgumentException for NaN or infinity, which JSON cannot hold
     */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("JSON cannot hold a non-finite number: " + v);
        }
        return Double.toString(v);
    }

    /**
     * The model whose JSON form is {@code json} (for example a trace line's {@code model} object), with
     * version 0 and no batch time: the form does not hold them. The parser is strict (RFC 8259).
     *
     * @throws IllegalArgumentException naming the line, column and field of the first problem: a syntax
     *         error, a missing or unknown member, a non-finite number, inconsistent dimensions
     */
    public static Model parse(String json) {
        try {
            return JsonModelCodec.readModel(json, "model JSON");
        } catch (ModelFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
