package org.streamml.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.streamml.datasets.io.BadRecordPolicy;
import org.streamml.datasets.io.CsvFile;
import org.streamml.datasets.io.LibSvmFile;
import org.streamml.datasets.io.RecordFile;
import org.streamml.datasets.io.RecordReader;
import org.streamml.ml.LabeledPoint;

/**
 * The records of an input file, read into memory with the datasets loaders (so that a batch's data is
 * ready before its processing time starts, as in Spark's cached replay).
 *
 * @param points the records in file order; label 0.0 when the file has no label column
 * @param dimension the number of features
 * @param skipped the number of malformed lines skipped (0 unless skipping was asked for)
 */
record TrainingInput(List<LabeledPoint> points, int dimension, long skipped) {

    /** The file layouts {@code --format} accepts. */
    enum Format {
        /** CSV, optional header, label first unless the algorithm takes no label. */
        CSV,
        /** LibSVM, 1-based indices. */
        LIBSVM;

        static Format parse(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "libsvm" -> LIBSVM;
                default -> throw new IllegalArgumentException("unknown --format '" + name
                        + "' (expected csv or libsvm)");
            };
        }
    }

    /**
     * Reads {@code file}.
     *
     * @param labelled whether CSV rows start with a label (LibSVM rows always do; k-means ignores it)
     * @param skipBadRecords count and skip malformed lines instead of failing on the first
     * @throws IllegalArgumentException if the file does not exist
     * @throws org.streamml.datasets.io.DataFormatException naming file, line and column of a bad record
     */
    static TrainingInput read(Path file, Format format, boolean labelled, boolean skipBadRecords) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("input file not found: " + file);
        }
        BadRecordPolicy policy = skipBadRecords ? BadRecordPolicy.SKIP : BadRecordPolicy.FAIL;
        RecordFile<LabeledPoint> records;
        if (format == Format.CSV) {
            CsvFile.Options options = CsvFile.Options.defaults().withPolicy(policy);
            records = CsvFile.of(file, labelled ? options : options.withFeaturesOnly());
        } else {
            records = LibSvmFile.of(file, LibSvmFile.Options.defaults().withPolicy(policy));
        }
        List<LabeledPoint> points = new ArrayList<>();
        long skipped;
        try (RecordReader<LabeledPoint> reader = records.open()) {
            while (reader.hasNext()) {
                points.add(reader.next());
            }
            skipped = reader.skipped().count();
        }
        int dim = points.isEmpty() ? 0 : points.get(0).features().size();
        return new TrainingInput(points, dim, skipped);
    }
}
