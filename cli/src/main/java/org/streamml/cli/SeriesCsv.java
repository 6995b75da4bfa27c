package org.streamml.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.streamml.datasets.io.DataFormatException;
import org.streamml.ml.evaluation.nab.NabTimestamps;

/**
 * Reads a {@code timestamp,value} time series (NAB's format: an optional header, timestamps
 * {@code yyyy-MM-dd HH:mm:ss}) keeping every row in file order, with its original text for writing back.
 * Duplicate and out-of-order timestamps are kept as they are. A value that is empty, {@code NaN},
 * {@code null}, {@code NA} or not finite is a missing value (NaN); anything else that is not a number, a bad
 * timestamp or a wrong number of columns is an error naming the file, the line and the column. Blank lines
 * are skipped. (The datasets module's {@code NabFile} rejects missing values, so {@code detect} reads its
 * input here, to keep one output row per input row.)
 */
final class SeriesCsv {
    /** The rows of a series file: original texts, parsed timestamps and values (NaN when missing). */
    record Table(String[] timestampText, String[] valueText, long[] timestamps, double[] values, int missing) {
        int size() {
            return values.length;
        }
    }

    private SeriesCsv() {
    }

    /** Reads {@code file}; {@link DataFormatException} on a malformed row, IOException if unreadable. */
    static Table read(Path file) throws IOException {
        String name = file.toString();
        List<String> ts = new ArrayList<>();
        List<String> vs = new ArrayList<>();
        long[] times = new long[1024];
        double[] values = new double[1024];
        int n = 0;
        int missing = 0;
        boolean first = true;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 2) {
                    throw new DataFormatException(name, lineNo, 0, null,
                            "expected 2 columns (timestamp,value), found " + f.length + ": '" + line + "'");
                }
                String t = unquote(f[0].strip());
                String v = unquote(f[1].strip());
                if (first) {
                    first = false;
                    if (!looksLikeTimestamp(t)) {
                        continue;
                    }
                }
                long millis;
                try {
                    millis = NabTimestamps.parseMillis(t);
                } catch (IllegalArgumentException ex) {
                    throw new DataFormatException(name, lineNo, 1, "timestamp",
                            "'" + t + "' is not a timestamp yyyy-MM-dd HH:mm:ss");
                }
                double value = parseValue(name, lineNo, v);
                if (Double.isNaN(value)) {
                    missing++;
                }
                if (n == times.length) {
                    times = Arrays.copyOf(times, 2 * n);
                    values = Arrays.copyOf(values, 2 * n);
                }
                times[n] = millis;
                values[n] = value;
                ts.add(t);
                vs.add(v);
                n++;
            }
        }
        return new Table(ts.toArray(new String[0]), vs.toArray(new String[0]), Arrays.copyOf(times, n),
                Arrays.copyOf(values, n), missing);
    }

    private static double parseValue(String name, long lineNo, String v) {
        if (v.isEmpty() || v.equalsIgnoreCase("nan") || v.equalsIgnoreCase("null") || v.equalsIgnoreCase("na")
                || v.equalsIgnoreCase("none")) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? d : Double.NaN;
        } catch (NumberFormatException ex) {
            throw new DataFormatException(name, lineNo, 2, "value", "'" + v + "' is not a number");
        }
    }

    private static boolean looksLikeTimestamp(String t) {
        return t.length() >= 19 && Character.isDigit(t.charAt(0)) && t.charAt(4) == '-';
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"'
                ? s.substring(1, s.length() - 1).strip() : s;
    }
}
