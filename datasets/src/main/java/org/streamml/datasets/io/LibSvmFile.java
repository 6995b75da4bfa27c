package org.streamml.datasets.io;

import java.nio.file.Path;
import java.util.Objects;
import org.streamml.ml.LabeledPoint;

/**
 * A LibSVM file read as labelled points with sparse features, one line at a time: each line is
 * {@code label index:value index:value ...} with 1-based, strictly increasing indices, separated by
 * blanks (stored 0-based, as Spark's {@code MLUtils.loadLibSVMFile} does). Blank lines and lines starting
 * with {@code #} are skipped. The dimension is given, or else the largest index in the file, found by
 * one extra streaming pass the first time the file is opened.
 */
public final class LibSvmFile implements RecordFile<LabeledPoint> {
    private final TextInput input;
    private final Options options;
    private volatile int dimension;

    /**
     * How to read the file.
     *
     * @param dimension the number of features, or {@link #FROM_DATA} for the largest index in the file
     * @param policy what to do with a bad record
     */
    public record Options(int dimension, BadRecordPolicy policy) {
        /** The dimension value meaning "the largest index in the file". */
        public static final int FROM_DATA = 0;

        /** Checks the options. */
        public Options {
            if (dimension < 0) {
                throw new IllegalArgumentException("dimension must be >= 0 (0: from the data): " + dimension);
            }
            Objects.requireNonNull(policy, "policy");
        }

        /** Dimension from the data, fail on a bad record. */
        public static Options defaults() {
            return new Options(FROM_DATA, BadRecordPolicy.FAIL);
        }

        /** A copy with {@code d} features ({@link #FROM_DATA} for the largest index in the file). */
        public Options withDimension(int d) {
            return new Options(d, policy);
        }

        /** A copy with bad-record policy {@code p}. */
        public Options withPolicy(BadRecordPolicy p) {
            return new Options(dimension, p);
        }
    }

    /** The LibSVM text {@code input} read with {@code options}. */
    public LibSvmFile(TextInput input, Options options) {
        this.input = Objects.requireNonNull(input, "input");
        this.options = Objects.requireNonNull(options, "options");
        this.dimension = options.dimension();
    }

    /** The UTF-8 file at {@code path} read with {@code options}. */
    public static LibSvmFile of(Path path, Options options) {
        return new LibSvmFile(TextInput.of(path), options);
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /**
     * The number of features: the given dimension, or the largest index in the file (read once, skipping
     * bad records, which the real pass then reports under the file's policy).
     */
    public int dimension() {
        if (dimension == Options.FROM_DATA) {
            try (LibSvmReader scan = new LibSvmReader(input, LibSvmReader.UNKNOWN, BadRecordPolicy.SKIP)) {
                while (scan.hasNext()) {
                    scan.next();
                }
                dimension = scan.maxIndex();
            }
        }
        return dimension;
    }

    @Override
    public String name() {
        return input.name();
    }

    @Override
    public RecordReader<LabeledPoint> open() {
        return new LibSvmReader(input, dimension(), options.policy());
    }
}
