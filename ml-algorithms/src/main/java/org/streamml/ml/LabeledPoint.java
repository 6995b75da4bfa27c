package org.streamml.ml;

import java.io.Serializable;
import java.util.Objects;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.streaming.io.Quote;

/**
 * A training example: a label (a real value for regression, 0 or 1 for binary classification) and a
 * feature vector. {@link #toString()} and {@link #parse} use Spark MLlib's text form, so files written
 * for Spark's streaming examples ({@code textFileStream(dir).map(LabeledPoint::parse)}) read unchanged.
 *
 * @param label the label
 * @param features the features
 */
public record LabeledPoint(double label, Vector features) implements Serializable {

    /** Checks the features are present. */
    public LabeledPoint {
        Objects.requireNonNull(features, "features");
    }

    /** A point with dense features. */
    public static LabeledPoint of(double label, double... features) {
        return new LabeledPoint(label, org.streamml.ml.linalg.Vectors.dense(features));
    }

    /**
     * The point written as {@code text} in one of Spark's forms ({@code LabeledPoint.parse}):
     * <ul>
     * <li>{@code (1.0,[1.0,2.0,3.0])}: label and dense features, what {@link #toString()} writes;</li>
     * <li>{@code (1.0,(3,[0,2],[1.0,3.0]))}: label and sparse features (size, indices, values);</li>
     * <li>{@code 1.0,1.0 2.0 3.0}: MLlib's format before 1.0, the label, a comma and the dense features
     *     separated by spaces.</li>
     * </ul>
     * Whitespace between tokens and around the text is allowed. {@code parse(p.toString())} equals
     * {@code p}.
     *
     * @throws IllegalArgumentException quoting {@code text} and naming the rule it breaks
     */
    public static LabeledPoint parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("cannot parse a labeled point from null");
        }
        String s = text.strip();
        try {
            return s.startsWith("(") ? parseTuple(s) : parseOldFormat(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot parse a labeled point from " + Quote.of(text) + ": "
                    + e.getMessage(), e);
        }
    }

    /** {@code (label,vector)}. */
    private static LabeledPoint parseTuple(String s) {
        if (!s.endsWith(")")) {
            throw new IllegalArgumentException("a point that starts with '(' must end with ')': (label,[x1,...])"
                    + " or (label,(size,[i1,...],[x1,...]))");
        }
        String inner = s.substring(1, s.length() - 1);
        int comma = inner.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("expected a ',' between the label and the features: (label,[x1,...])");
        }
        double label = label(inner.substring(0, comma));
        return new LabeledPoint(label, Vectors.parse(inner.substring(comma + 1).strip()));
    }

    /** {@code label,x1 x2 ... xn}. */
    private static LabeledPoint parseOldFormat(String s) {
        int comma = s.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("expected (label,[x1,...]), (label,(size,[i1,...],[x1,...]))"
                    + " or label,x1 x2 ... (no ',' found)");
        }
        double label = label(s.substring(0, comma));
        String rest = s.substring(comma + 1).strip();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("no features after the label's ',' (label,x1 x2 ...)");
        }
        String[] fields = rest.split("\\s+");
        double[] x = new double[fields.length];
        for (int i = 0; i < fields.length; i++) {
            try {
                x[i] = Double.parseDouble(fields[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("feature " + (i + 1) + " is not a number: " + Quote.of(fields[i])
                        + " (label,x1 x2 ...: features separated by spaces)");
            }
        }
        return new LabeledPoint(label, DenseVector.wrap(x));
    }

    private static double label(String field) {
        String f = field.strip();
        try {
            return Double.parseDouble(f);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the label is not a number: " + Quote.of(f));
        }
    }

    /** Spark's text form, {@code (label,features)}, e.g. {@code (1.0,[1.0,2.0])}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return "(" + label + "," + features + ")";
    }
}
