package org.streamml.datasets.io;

import java.nio.file.Path;
import java.util.Objects;
import org.streamml.ml.LabeledPoint;

/**
 * A CSV file of numbers read as labelled points, one line at a time: by default the label is the first
 * column and the other columns are the features, in order; in features-only mode (k-means input) every
 * column is a feature and the label is 0. A header line is detected (a first line whose fields are all
 * names, not numbers) and skipped; its names appear in errors. A first line mixing names and numbers is an
 * error naming line 1 (a corrupt first row is never taken for a header); say {@link Header#PRESENT} or
 * {@link Header#ABSENT} to decide. Every data row must have as many columns as the
 * first one; every value must be a finite decimal number. A field may be enclosed in double quotes
 * (RFC 4180, {@code "1.5","a, b"}; {@code ""} inside one is a quote), which must close on the same line.
 *
 * <pre>{@code
 * CsvFile file = CsvFile.of(Path.of("train.csv"), CsvFile.Options.defaults().withLabelColumn(2));
 * try (RecordReader<LabeledPoint> r = file.open()) {
 *     while (r.hasNext()) { LabeledPoint p = r.next(); ... }
 * }
 * }</pre>
 */
public final class CsvFile implements RecordFile<LabeledPoint> {
    private final TextInput input;
    private final Options options;

    /** Whether a file starts with a header line. */
    public enum Header {
        /**
         * A header when every non-empty field of the first non-blank line is a name (not a number); a line
         * mixing names and numbers is an error.
         */
        AUTO,
        /** The first non-blank line is a header. */
        PRESENT,
        /** There is no header: the first line is data. */
        ABSENT
    }

    /**
     * How to read the file.
     *
     * @param labelColumn the 0-based column of the label, or {@link #FEATURES_ONLY}
     * @param header whether there is a header line
     * @param delimiters the characters that separate fields (usually {@code ","}); when they include a
     *        blank (space or tab), any run of blanks and delimiters separates two fields and leading or
     *        trailing ones are ignored (for space-separated files)
     * @param policy what to do with a bad record
     */
    public record Options(int labelColumn, Header header, String delimiters, BadRecordPolicy policy) {
        /** The label column value meaning "no label: every column is a feature". */
        public static final int FEATURES_ONLY = -1;

        /** Checks the options. */
        public Options {
            if (labelColumn < FEATURES_ONLY) {
                throw new IllegalArgumentException("label column must be >= 0 or FEATURES_ONLY: " + labelColumn);
            }
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(delimiters, "delimiters");
            Objects.requireNonNull(policy, "policy");
            if (delimiters.isEmpty()) {
                throw new IllegalArgumentException("delimiters must not be empty");
            }
            for (char c : delimiters.toCharArray()) {
                if (c == '\n' || c == '\r' || c == '.' || c == '-' || c == '+' || Character.isLetterOrDigit(c)) {
                    throw new IllegalArgumentException("delimiter cannot be part of a number or a line end: '"
                            + c + "'");
                }
            }
        }

        /** Label in column 0, header detected, comma-separated, fail on a bad record. */
        public static Options defaults() {
            return new Options(0, Header.AUTO, ",", BadRecordPolicy.FAIL);
        }

        /** A copy with the label in 0-based column {@code column}. */
        public Options withLabelColumn(int column) {
            return new Options(column, header, delimiters, policy);
        }

        /** A copy where every column is a feature and the label is 0 (k-means input). */
        public Options withFeaturesOnly() {
            return new Options(FEATURES_ONLY, header, delimiters, policy);
        }

        /** A copy with header handling {@code h}. */
        public Options withHeader(Header h) {
            return new Options(labelColumn, h, delimiters, policy);
        }

        /** A copy with field delimiters {@code d}. */
        public Options withDelimiters(String d) {
            return new Options(labelColumn, header, d, policy);
        }

        /** A copy with bad-record policy {@code p}. */
        public Options withPolicy(BadRecordPolicy p) {
            return new Options(labelColumn, header, delimiters, p);
        }
    }

    /** The CSV text {@code input} read with {@code options}. */
    public CsvFile(TextInput input, Options options) {
        this.input = Objects.requireNonNull(input, "input");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The UTF-8 file at {@code path} read with {@code options}. */
    public static CsvFile of(Path path, Options options) {
        return new CsvFile(TextInput.of(path), options);
    }

    /** The options. */
    public Options options() {
        return options;
    }

    @Override
    public String name() {
        return input.name();
    }

    @Override
    public RecordReader<LabeledPoint> open() {
        return new CsvReader(input, options);
    }
}
