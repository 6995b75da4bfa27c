package org.streamml.datasets.io;

import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.streaming.io.Quote;

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
        int n = split(line, b, line.start(), line.end());
        if (!firstLineSeen) {
            firstLineSeen = true;
            if (isHeader(line, b, n)) {
                names = new String[n];
                for (int k = 0; k < n; k++) {
                    // a column name appears in every error about its column: bounded like any quoted value
                    int length = Math.min(fieldEnd[k] - fieldStart[k], Quote.LIMIT);
                    names[k] = new String(b, fieldStart[k], length)
                            + (fieldEnd[k] - fieldStart[k] > length ? "\u2026" : "");
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
        if (s == e) {
            throw error(line, k + 1, "empty field, expected a number");
        }
        String text = Quote.of(java.nio.CharBuffer.wrap(b, s, e - s));
        if (Double.isNaN(v) && !NumberParser.isNonFiniteWord(b, s, e)) {
            throw error(line, k + 1, text + " is not a number");
        }
        throw error(line, k + 1, text + " is not finite");
    }

    /**
     * Whether the first line is a header. In {@code AUTO} mode it is one only when every non-empty field is a
     * name (a field that is not a number; {@code NaN} and {@code Infinity} count as numbers); a line with
     * both names and numbers cannot be told apart from a corrupt first data row, so it is an error naming
     * line 1 rather than a guess that would swallow a row or shift every row after it.
     */
    private boolean isHeader(LineReader line, char[] b, int n) {
        switch (options.header()) {
            case PRESENT:
                return true;
            case ABSENT:
                return false;
            default:
                int names = 0;
                int numbers = 0;
                int firstName = -1;
                int firstNumber = -1;
                for (int k = 0; k < n; k++) {
                    int s = fieldStart[k];
                    int e = fieldEnd[k];
                    if (s == e) {
                        continue;
                    }
                    if (Double.isNaN(NumberParser.parse(b, s, e)) && !NumberParser.isNonFiniteWord(b, s, e)) {
                        names++;
                        firstName = firstName < 0 ? k : firstName;
                    } else {
                        numbers++;
                        firstNumber = firstNumber < 0 ? k : firstNumber;
                    }
                }
                if (names > 0 && numbers > 0) {
                    throw error(line, firstName + 1, "the first line mixes names and numbers ("
                            + Quote.of(new String(b, fieldStart[firstName], fieldEnd[firstName] - fieldStart[firstName]))
                            + " in column " + (firstName + 1) + " is not a number, "
                            + Quote.of(new String(b, fieldStart[firstNumber], fieldEnd[firstNumber]
                            - fieldStart[firstNumber])) + " in column " + (firstNumber + 1) + " is), so it is neither"
                            + " a header nor a data row; fix the line, or say whether the file has a header"
                            + " (--header / --no-header)");
                }
                return names > 0;
        }
    }

    private DataFormatException error(LineReader line, int column, String rule) {
        String field = column > 0 && names != null && names.length == columns ? names[column - 1] : null;
        return new DataFormatException(source, line.lineNumber(), column, field, rule);
    }

    /**
     * Splits {@code b[from, to)} into trimmed fields; returns their number. A field may be enclosed in double
     * quotes (RFC 4180): delimiters inside it do not split, {@code ""} stands for one quote (unescaped in
     * place, so a quoted field costs no allocation), and only blanks may stand between the closing quote and
     * the next delimiter. A quoted field must close on its line (numbers and names never span lines).
     */
    private int split(LineReader line, char[] b, int from, int to) {
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
            while (s < to && LineReader.isBlank(b[s]) && !isDelimiter(b[s])) {
                s++;
            }
            int e;
            if (s < to && b[s] == '"') {
                // quoted: copy the content down over the opening quote, turning "" into "
                int w = s;
                int r = s + 1;
                boolean closed = false;
                while (r < to) {
                    char c = b[r];
                    if (c == '"') {
                        if (r + 1 < to && b[r + 1] == '"') {
                            b[w++] = '"';
                            r += 2;
                            continue;
                        }
                        closed = true;
                        r++;
                        break;
                    }
                    b[w++] = c;
                    r++;
                }
                if (!closed) {
                    throw error(line, n + 1, "a quoted field is not closed on its line (a \" without its"
                            + " closing \")");
                }
                e = w;
                i = r;
                while (i < to && !isDelimiter(b[i]) && LineReader.isBlank(b[i])) {
                    i++;
                }
                if (i < to && !isDelimiter(b[i])) {
                    throw error(line, n + 1, "text after the closing quote of a quoted field (write a quote"
                            + " inside one as \"\")");
                }
            } else {
                while (i < to && !isDelimiter(b[i])) {
                    i++;
                }
                e = i;
                while (s < e && LineReader.isBlank(b[s])) {
                    s++;
                }
                while (e > s && LineReader.isBlank(b[e - 1])) {
                    e--;
                }
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
