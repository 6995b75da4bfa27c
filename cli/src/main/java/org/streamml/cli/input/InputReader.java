package org.streamml.cli.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vectors;

/**
 * Reads a whole CSV or LibSVM file into memory. A malformed line raises an
 * {@link IllegalArgumentException} naming the file, line and field and the rule it breaks, or, when
 * skipping is on, is counted and left out.
 *
 * <p>CSV: fields are separated by commas; the first line is a header if any of its fields is not a
 * number; every row must have as many fields as the first row; with a label the first field is the
 * label. LibSVM: {@code label index:value ...}, indices 1-based and strictly increasing; the dimension
 * is the largest index in the file.
 */
public final class InputReader {
    private final InputFormat format;
    private final boolean labelled;
    private final boolean skipBadRecords;

    /**
     * A reader.
     *
     * @param format the file layout
     * @param labelled whether CSV rows start with a label (LibSVM rows always do)
     * @param skipBadRecords count and skip malformed lines instead of failing
     */
    public InputReader(InputFormat format, boolean labelled, boolean skipBadRecords) {
        this.format = format;
        this.labelled = labelled;
        this.skipBadRecords = skipBadRecords;
    }

    /** Reads {@code file}; {@code onSkip} hears the line number of every skipped line. */
    public InputData read(Path file, LongConsumer onSkip) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return format == InputFormat.CSV ? readCsv(file, in, onSkip) : readLibSvm(file, in, onSkip);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("input file not found: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private InputData readCsv(Path file, BufferedReader in, LongConsumer onSkip) throws IOException {
        List<LabeledPoint> points = new ArrayList<>();
        long skipped = 0;
        int columns = -1;
        long lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (columns < 0) {
                columns = fields.length;
                if (labelled && columns < 2) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": a labelled CSV row needs a label and"
                            + " at least one feature, found " + columns + " field");
                }
                if (isHeader(fields)) {
                    continue;
                }
            }
            try {
                points.add(csvRow(fields, columns));
            } catch (IllegalArgumentException e) {
                if (!skipBadRecords) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage(), e);
                }
                skipped++;
                onSkip.accept(lineNo);
            }
        }
        int dim = columns < 0 ? 0 : (labelled ? columns - 1 : columns);
        return new InputData(points, dim, skipped);
    }

    private static boolean isHeader(String[] fields) {
        for (String f : fields) {
            try {
                Double.parseDouble(f.trim());
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return false;
    }

    private LabeledPoint csvRow(String[] fields, int columns) {
        if (fields.length != columns) {
            throw new IllegalArgumentException("has " + fields.length + " fields, expected " + columns
                    + " (as the first row)");
        }
        int first = labelled ? 1 : 0;
        double label = labelled ? number(fields[0], 1, "label") : 0.0;
        double[] x = new double[columns - first];
        for (int i = first; i < columns; i++) {
            x[i - first] = number(fields[i], i + 1, null);
        }
        return new LabeledPoint(label, Vectors.dense(x));
    }

    private static double number(String text, int field, String what) {
        String t = text.trim();
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field " + field + (what == null ? "" : " (" + what + ")") + " '"
                    + t + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("field " + field + (what == null ? "" : " (" + what + ")") + " '"
                    + t + "' is not a finite number");
        }
        return v;
    }

    private InputData readLibSvm(Path file, BufferedReader in, LongConsumer onSkip) throws IOException {
        List<Double> labels = new ArrayList<>();
        List<int[]> indices = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        long skipped = 0;
        int dim = 0;
        long lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] tokens = t.split("\\s+");
            try {
                double label = number(tokens[0], 1, "label");
                int[] idx = new int[tokens.length - 1];
                double[] val = new double[tokens.length - 1];
                for (int k = 1; k < tokens.length; k++) {
                    int colon = tokens[k].indexOf(':');
                    if (colon < 0) {
                        throw new IllegalArgumentException("field " + (k + 1) + " '" + tokens[k]
                                + "' is not index:value");
                    }
                    idx[k - 1] = index(tokens[k].substring(0, colon), k + 1) - 1;
                    if (k > 1 && idx[k - 1] <= idx[k - 2]) {
                        throw new IllegalArgumentException("field " + (k + 1) + ": index " + (idx[k - 1] + 1)
                                + " is not greater than the previous index " + (idx[k - 2] + 1));
                    }
                    val[k - 1] = number(tokens[k].substring(colon + 1), k + 1, "value");
                }
                labels.add(label);
                indices.add(idx);
                values.add(val);
                if (idx.length > 0) {
                    dim = Math.max(dim, idx[idx.length - 1] + 1);
                }
            } catch (IllegalArgumentException e) {
                if (!skipBadRecords) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": " + e.getMessage(), e);
                }
                skipped++;
                onSkip.accept(lineNo);
            }
        }
        List<LabeledPoint> points = new ArrayList<>(labels.size());
        for (int r = 0; r < labels.size(); r++) {
            points.add(new LabeledPoint(labels.get(r), Vectors.sparse(dim, indices.get(r), values.get(r))));
        }
        return new InputData(points, dim, skipped);
    }

    private static int index(String text, int field) {
        int i;
        try {
            i = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field " + field + ": index '" + text + "' is not an integer");
        }
        if (i < 1) {
            throw new IllegalArgumentException("field " + field + ": index " + i + " must be >= 1 (LibSVM is 1-based)");
        }
        return i;
    }
}
