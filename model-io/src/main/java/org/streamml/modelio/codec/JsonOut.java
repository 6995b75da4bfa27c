package org.streamml.modelio.codec;

import org.streamml.modelio.ModelJson;

/**
 * Appends the members of a model's JSON form, each as {@code ,"name":value}, after the {@code type}
 * member that model-io writes first. Numbers are written with {@link Double#toString(double)}, which
 * reads back to the same double.
 */
public final class JsonOut {
    private final StringBuilder sb;

    /** Appends to {@code sb}. */
    public JsonOut(StringBuilder sb) {
        this.sb = sb;
    }

    private StringBuilder name(String name) {
        return sb.append(",\"").append(name).append("\":");
    }

    /**
     * A number member.
     *
     * @throws IllegalArgumentException for NaN or infinity
     */
    public JsonOut number(String name, double value) {
        name(name).append(ModelJson.number(value));
        return this;
    }

    /** An array of numbers. */
    public JsonOut numbers(String name, double[] values) {
        ModelJson.appendArray(name(name), values);
        return this;
    }

    /** An array of arrays of numbers, one per row. */
    public JsonOut matrix(String name, double[][] rows) {
        name(name).append('[');
        for (int j = 0; j < rows.length; j++) {
            if (j > 0) {
                sb.append(',');
            }
            ModelJson.appendArray(sb, rows[j]);
        }
        sb.append(']');
        return this;
    }

    /** A member whose value is {@code null}. */
    public JsonOut nullMember(String name) {
        name(name).append("null");
        return this;
    }
}
