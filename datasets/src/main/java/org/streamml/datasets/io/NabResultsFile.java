package org.streamml.datasets.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.streamml.ml.evaluation.nab.NabSeries;
import org.streamml.streaming.io.Quote;

/**
 * Reads a detector's results file for NAB scoring: a CSV with a header naming at least the columns
 * {@code timestamp} and {@code anomaly_score} (as {@code streamml detect} and NAB's detectors write them), one
 * row per data row in file order. Errors name the file, the line and the column.
 *
 * <pre>{@code
 * NabSeries scores = NabResultsFile.read(Path.of("results/nyc_taxi.csv"), "realKnownCause/nyc_taxi.csv");
 * }</pre>
 */
public final class NabResultsFile {
    private NabResultsFile() {
    }

    /**
     * Reads {@code file} as the series {@code name} (the key of its NAB data file, e.g.
     * {@code realKnownCause/nyc_taxi.csv}), its rows in file order; blank lines are skipped.
     *
     * @throws DataFormatException naming the line and column of a missing header, a row with another number
     *         of columns, a bad timestamp or a score that is not a finite number
     * @throws IOException if the file cannot be read
     */
    public static NabSeries read(Path file, String name) throws IOException {
        String source = file.toString();
        long[] times = new long[1024];
        double[] scores = new double[1024];
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new DataFormatException(source, 1, 0, null, "the file is empty: expected a header "
                        + "with the columns timestamp and anomaly_score");
            }
            List<String> columns = Arrays.asList(header.replace("\uFEFF", "").strip().split(",", -1));
            int tCol = columns.indexOf("timestamp");
            int sCol = columns.indexOf("anomaly_score");
            if (tCol < 0 || sCol < 0) {
                throw new DataFormatException(source, 1, 0, null,
                        "expected a header with the columns timestamp and anomaly_score, found " + Quote.of(header));
            }
            String line;
            long lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != columns.size()) {
                    throw new DataFormatException(source, lineNo, 0, null, "expected " + columns.size()
                            + " columns, found " + f.length + ": " + Quote.of(line));
                }
                if (n == times.length) {
                    times = Arrays.copyOf(times, 2 * n);
                    scores = Arrays.copyOf(scores, 2 * n);
                }
                String t = f[tCol].strip();
                try {
                    times[n] = NabTimestamps.parseMillis(t);
                } catch (IllegalArgumentException ex) {
                    throw new DataFormatException(source, lineNo, tCol + 1, "timestamp",
                            Quote.of(t) + " is not a timestamp yyyy-MM-dd HH:mm:ss");
                }
                String s = f[sCol].strip();
                try {
                    scores[n] = Double.parseDouble(s);
                } catch (NumberFormatException ex) {
                    scores[n] = Double.NaN;
                }
                if (!Double.isFinite(scores[n])) {
                    throw new DataFormatException(source, lineNo, sCol + 1, "anomaly_score",
                            Quote.of(s) + " is not a finite number");
                }
                n++;
            }
        }
        return new NabSeries(name, Arrays.copyOf(times, n), Arrays.copyOf(scores, n));
    }
}
