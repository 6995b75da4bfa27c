package org.streamml.modelio;

import org.streamml.ml.model.Model;
import org.streamml.modelio.codec.JsonOut;
import org.streamml.modelio.codec.ModelCodec;
import org.streamml.modelio.codec.ModelCodecs;
import org.streamml.modelio.internal.JsonModelCodec;

/**
 * The JSON form of a model, the {@code model} object of a trace line (DESIGN.md §4):
 * <pre>
 * {"type":"linear-regression","weights":[…],"intercept":0.0}
 * {"type":"logistic-regression","weights":[…],"intercept":0.0,"threshold":0.5}
 * {"type":"kmeans","centers":[[…],[…]],"weights":[…]}
 * </pre>
 * The members after {@code type} are written and read by the model type's {@link ModelCodec}, found in
 * {@link ModelCodecs}.
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

    /**
     * Appends the model's JSON object to {@code sb}: its type, then the members its
     * {@link ModelCodec#writeJson codec} writes.
     *
     * @throws IllegalArgumentException if no codec is registered for the model's class
     */
    public static void appendJson(StringBuilder sb, Model model) {
        append(sb, model, ModelCodecs.forModel(model));
    }

    private static <M extends Model> void append(StringBuilder sb, Model model, ModelCodec<M> codec) {
        sb.append("{\"type\":\"").append(model.type()).append('"');
        codec.writeJson(codec.modelClass().cast(model), new JsonOut(sb));
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
