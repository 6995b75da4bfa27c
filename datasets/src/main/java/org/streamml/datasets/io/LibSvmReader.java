package org.streamml.datasets.io;

import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.SparseVector;
import org.streamml.streaming.io.Quote;

/** One pass over a {@link LibSvmFile}. */
final class LibSvmReader extends AbstractRecordReader<LabeledPoint> {
    /** Dimension value of the scanning pass: any index is accepted and each vector is as long as it needs. */
    static final int UNKNOWN = -1;
    /**
     * The largest feature index accepted without a declared dimension: 2^24 (16,777,216). Every model keeps a
     * dense weight or center array per feature, so an index beyond this is checked here, before a model
     * allocates gigabytes for one typo.
     */
    static final int MAX_INDEX = 1 << 24;

    private final String source;
    private final int dimension;
    private int maxIndex;

    LibSvmReader(TextInput input, int dimension, BadRecordPolicy policy) {
        super(input, policy);
        this.source = input.name();
        this.dimension = dimension;
    }

    /** The largest well-formed 1-based index read so far, bad records included. */
    int maxIndex() {
        return maxIndex;
    }

    @Override
    LabeledPoint parse(LineReader line) {
        char[] b = line.buffer();
        int i = skipBlanks(b, line.start(), line.end());
        int to = line.end();
        if (b[i] == '#') {
            return null;
        }
        int tokens = countTokens(b, i, to);
        int[] indices = new int[tokens - 1];
        double[] values = new double[tokens - 1];
        int end = tokenEnd(b, i, to);
        double label = NumberParser.parse(b, i, end);
        if (!Double.isFinite(label)) {
            throw error(line, 1, "label " + Quote.of(new String(b, i, end - i)) + " is not a finite number");
        }
        int previous = 0;
        for (int k = 0; k < tokens - 1; k++) {
            i = skipBlanks(b, end, to);
            end = tokenEnd(b, i, to);
            int colon = i;
            while (colon < end && b[colon] != ':') {
                colon++;
            }
            if (colon == end) {
                throw error(line, k + 2, Quote.of(new String(b, i, end - i)) + " is not index:value");
            }
            int index = parseIndex(b, i, colon);
            if (index < 1) {
                throw error(line, k + 2, "index " + Quote.of(new String(b, i, colon - i)) + " is not an integer >= 1");
            }
            if (index <= previous) {
                throw error(line, k + 2, "index " + index + " is not greater than the previous index " + previous
                        + " (indices must be strictly increasing)");
            }
            if (index > MAX_INDEX && dimension <= MAX_INDEX) {
                throw error(line, k + 2, "index " + index + " is greater than " + MAX_INDEX + ", the most features a"
                        + " file without a larger declared dimension may have (declare the dimension to go beyond)");
            }
            if (dimension != UNKNOWN && index > dimension) {
                throw error(line, k + 2, "index " + index + " is greater than the dimension " + dimension);
            }
            maxIndex = Math.max(maxIndex, index);
            double v = NumberParser.parse(b, colon + 1, end);
            if (!Double.isFinite(v)) {
                throw error(line, k + 2, "value " + Quote.of(new String(b, colon + 1, end - colon - 1)) + " of index "
                        + index + " is not a finite number");
            }
            indices[k] = index - 1;
            values[k] = v;
            previous = index;
        }
        return new LabeledPoint(label, new SparseVector(dimension == UNKNOWN ? previous : dimension, indices, values));
    }

    private DataFormatException error(LineReader line, int column, String rule) {
        return new DataFormatException(source, line.lineNumber(), column, null, rule);
    }

    /** The 1-based index in {@code b[from, to)}, or -1 when it is not a positive integer below 2^31. */
    private static int parseIndex(char[] b, int from, int to) {
        if (from == to || to - from > 10) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            v = v * 10 + (b[i] - '0');
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    private static int countTokens(char[] b, int from, int to) {
        int n = 0;
        int i = from;
        while (true) {
            i = skipBlanks(b, i, to);
            if (i >= to) {
                return n;
            }
            n++;
            i = tokenEnd(b, i, to);
        }
    }

    private static int skipBlanks(char[] b, int i, int to) {
        while (i < to && LineReader.isBlank(b[i])) {
            i++;
        }
        return i;
    }

    private static int tokenEnd(char[] b, int i, int to) {
        while (i < to && !LineReader.isBlank(b[i])) {
            i++;
        }
        return i;
    }
}
