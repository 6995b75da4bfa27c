package org.streamml.datasets.io;

import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;

/** One pass over a {@link CsvFile}: splits each line into reused field bounds and parses the numbers. */
final class CsvReader extends AbstractRecordReader<LabeledPoint> {
    private final String source;
    private final CsvFile.Options options;
    private final String delimiters;
    private final boolean blankDelimiters;
    private int[] fieldStart = new int[16];
    private int[] fieldEnd = new int[16];
    private boolean firstLineSeen;
    private String[] names;
    private int columns = -1;
    private long firstDataLine;

    CsvReader(TextInput input, CsvFile.Options options) {
        super(input, options.policy());
        this.source = input.name();
        this.options = options;
        this.delimiters = options.delimiters();
        this.blankDelimiters = delimiters.indexOf(' ') >= 0 || delimiters.indexOf('\t') >= 0;
    }

    @Override
    LabeledPoint parse(LineReader line) {
        char[] b = line.buffer();
        int n = split(b, line.start(), line.end());
        if (!firstLineSeen) {
            firstLineSeen = true;
            if (isHeader(b, n)) {
                names = new String[n];
                for (int k = 0; k < n; k++) {
                    names[k] = new String(b, fieldStart[k], fieldEnd[k] - fieldStart[k]);
                }
                return null;
            }
        }
        if (columns < 0) {
            columns = n;
            firstDataLine = line.lineNumber();
            if (options.labelColumn() >= n) {
                throw error(line, 0, "label column " + (options.labelColumn() + 1) + " is past the last column ("
                        + n + ")");
            }
        } else if (n != columns) {
            throw error(line, 0, "has " + n + " columns, expected " + columns + " like the first data row (line "
                    + firstDataLine + ")");
        }
        int labelColumn = options.labelColumn();
        double[] features = new double[labelColumn < 0 ? n : n - 1];
        double label = 0.0;
        int f = 0;
        for (int k = 0; k < n; k++) {
            double v = number(line, b, k);
            if (k == labelColumn) {
                label = v;
            } else {
                features[f++] = v;
            }
        }
        return new LabeledPoint(label, DenseVector.wrap(features));
    }

    private double number(LineReader line, char[] b, int k) {
        int s = fieldStart[k];
        int e = fieldEnd[k];
        double v = NumberParser.parse(b, s, e);
        if (Double.isFinite(v)) {
            return v;
        }
        String text = new String(b, s, e - s);
        if (s == e) {
            throw error(line, k + 1, "empty field, expected a number");
        }
        if (Double.isNaN(v) && !NumberParser.isNonFiniteWord(b, s, e)) {
            throw error(line, k + 1, "'" + text + "' is not a number");
        }
        throw error(line, k + 1, "'" + text + "' is not finite");
    }

    private boolean isHeader(char[] b, int n) {
        switch (options.header()) {
            case PRESENT:
                return true;
            case ABSENT:
                return false;
            default:
                for (int k = 0; k < n; k++) {
                    int s = fieldStart[k];
                    int e = fieldEnd[k];
                    if (Double.isNaN(NumberParser.parse(b, s, e)) && !NumberParser.isNonFiniteWord(b, s, e)
                            && s != e) {
                        return true;
                    }
                }
                return false;
        }
    }

    private DataFormatException error(LineReader line, int column, String rule) {
        String field = column > 0 && names != null && names.length == columns ? names[column - 1] : null;
        return new DataFormatException(source, line.lineNumber(), column, field, rule);
    }

    /** Splits {@code b[from, to)} into trimmed fields; returns their number. */
    private int split(char[] b, int from, int to) {
        int n = 0;
        int i = from;
        if (blankDelimiters) {
            while (i < to && isDelimiter(b[i])) {
                i++;
            }
            while (to > i && isDelimiter(b[to - 1])) {
                to--;
            }
        }
        while (true) {
            int s = i;
            while (i < to && !isDelimiter(b[i])) {
                i++;
            }
            int e = i;
            while (s < e && LineReader.isBlank(b[s])) {
                s++;
            }
            while (e > s && LineReader.isBlank(b[e - 1])) {
                e--;
            }
            if (n == fieldStart.length) {
                fieldStart = java.util.Arrays.copyOf(fieldStart, n * 2);
                fieldEnd = java.util.Arrays.copyOf(fieldEnd, n * 2);
            }
            fieldStart[n] = s;
            fieldEnd[n] = e;
            n++;
            if (i >= to) {
                return n;
            }
            i++;
            if (blankDelimiters) {
                while (i < to && isDelimiter(b[i])) {
                    i++;
                }
            }
        }
    }

    private boolean isDelimiter(char c) {
        if (blankDelimiters && LineReader.isBlank(c)) {
            return true;
        }
        return delimiters.length() == 1 ? c == delimiters.charAt(0) : delimiters.indexOf(c) >= 0;
    }
}
