package org.streamml.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.streamml.datasets.io.BadRecordPolicy;
import org.streamml.datasets.io.DataFormatException;
import org.streamml.datasets.io.NabFile;
import org.streamml.datasets.io.NabPoint;
import org.streamml.datasets.io.NabRow;
import org.streamml.datasets.io.NabTimestamps;
import org.streamml.datasets.io.RecordReader;
import org.streamml.datasets.io.TextInput;
import org.streamml.ml.anomaly.AnomalyStreams;
import org.streamml.ml.anomaly.Observation;
import org.streamml.ml.anomaly.ScoredObservation;
import org.streamml.ml.anomaly.StreamingAnomalyDetector;
import org.streamml.streaming.ExecutorSettings;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.io.AtomicFile;
import org.streamml.streaming.io.Quote;
import org.streamml.streaming.source.IterableSource;

/**
 * {@code streamml detect} over many series, scored in parallel by the engine's keyed anomaly operator
 * ({@link AnomalyStreams#scoreByKey}): a directory whose every {@code *.csv} file is a NAB series, or one CSV
 * with a series column.
 *
 * <p>Every input is read and checked first, so a bad row fails the run (naming file, line and column) before
 * anything is written. The series are then streamed through the engine interleaved record by record (series
 * 0's first record, series 1's first record, ..., then every series' second record), so that each batch holds
 * records of many series and its partitions' tasks score different series at the same time; each series is
 * scored in its own order, with exactly the scores it gets alone. The scores are gathered on the driver and
 * written at the end, each output file atomically.
 */
final class MultiSeriesDetect {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private MultiSeriesDetect() {
    }

    /**
     * One series: its name (a relative path, or the series column's value), its rows as read and, once
     * scored, every row's score and label.
     */
    static final class Series {
        final String id;
        final List<NabRow> rows = new ArrayList<>();
        double[] scores;
        boolean[] labels;
        private int scored;

        Series(String id) {
            this.id = id;
        }
    }

    /**
     * What a run wrote.
     *
     * @param series    the series scored
     * @param rows      the rows scored and written
     * @param missing   the rows with a missing value
     * @param anomalies the rows labelled anomalies
     */
    record Tally(int series, long rows, long missing, long anomalies) {
    }

    // ------------------------------------------------------------------ a directory of NAB files

    /**
     * Reads every {@code *.csv} file under {@code dir} (all depths, hidden files and directories left out),
     * sorted by relative path; each is a series named by its path relative to {@code dir}, with {@code /}
     * between directories.
     *
     * @throws IllegalArgumentException if the directory holds no such file, or a file has no data rows
     * @throws DataFormatException      naming the file, line and column of the first bad row
     */
    static List<Series> readDirectory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".csv")
                            && !hidden(dir.relativize(p)))
                    .sorted((a, b) -> relativeName(dir, a).compareTo(relativeName(dir, b))).toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("--input " + Quote.of(dir.toString()) + " holds no *.csv file:"
                    + " a directory input scores every *.csv file under it as one series");
        }
        List<Series> out = new ArrayList<>(files.size());
        for (Path file : files) {
            Series s = new Series(relativeName(dir, file));
            NabFile nab = new NabFile(TextInput.of(file, file.toString()), List.of(), BadRecordPolicy.FAIL)
                    .keepingMissingValues();
            try (RecordReader<NabRow> reader = nab.withText().open()) {
                while (reader.hasNext()) {
                    s.rows.add(reader.next());
                }
            } catch (RuntimeException e) {
                Exception explained = CliFiles.explainRead(file, e);
                if (explained instanceof IOException io) {
                    throw io;
                }
                throw (RuntimeException) explained;
            }
            if (s.rows.isEmpty()) {
                throw new IllegalArgumentException(file + " has no data rows: expected 'timestamp,value' rows"
                        + " (a header line is optional)");
            }
            out.add(s);
        }
        return out;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String relativeName(Path dir, Path file) {
        return dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    /**
     * Writes each series' scores to {@code outputDir/ID} ({@code timestamp,value,anomaly_score,label}, as the
     * single-file command writes them), creating directories as needed, each file atomically.
     */
    static void writeDirectory(List<Series> series, Path outputDir) throws IOException {
        for (Series s : series) {
            Path target = outputDir.resolve(s.id).toAbsolutePath();
            CliFiles.requireOutputFile("--output", target);
            Files.createDirectories(target.getParent());
            try (AtomicFile file = AtomicFile.create(target)) {
                Writer out = file.writer();
                out.write("timestamp,value,anomaly_score,label\n");
                for (int i = 0; i < s.rows.size(); i++) {
                    NabRow row = s.rows.get(i);
                    writeScore(out, row.timestampText() + ',' + row.valueText(), s.scores[i], s.labels[i]);
                }
                CliFiles.writing(target, file::commit);
            }
        }
    }

    // ------------------------------------------------------------------ one CSV with a series column

    /**
     * The rows of one CSV with a header naming a {@code timestamp}, a {@code value} and a {@code seriesColumn}
     * column (any order, other columns ignored), grouped by series in order of first appearance; {@code order}
     * receives, for each data row in file order, its series and its position in that series.
     *
     * @throws DataFormatException naming the file, line and column of the first bad row
     */
    static List<Series> readSeriesColumn(Path file, String seriesColumn, List<int[]> order) throws IOException {
        Map<String, Series> byId = new LinkedHashMap<>();
        Map<String, Integer> indexes = new LinkedHashMap<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String name = file.toString();
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                decoder))) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(name + " is empty: expected a header line naming the columns"
                        + " timestamp, value and " + seriesColumn);
            }
            String[] names = header.split(",", -1);
            int ts = column(names, "timestamp");
            int value = column(names, "value");
            int key = column(names, seriesColumn);
            if (ts < 0 || value < 0 || key < 0) {
                throw new DataFormatException(name, 1, 0, null, "the header " + Quote.of(header) + " must name the"
                        + " columns timestamp, value and " + seriesColumn + " (--series-column)");
            }
            String line;
            long lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != names.length) {
                    throw new DataFormatException(name, lineNumber, 0, null, "expected " + names.length
                            + " columns (" + header + "), found " + f.length + ": " + Quote.of(line));
                }
                String id = unquote(f[key].strip());
                if (id.isEmpty()) {
                    throw new DataFormatException(name, lineNumber, key + 1, seriesColumn, "the series id is empty");
                }
                String tsText = f[ts].strip();
                long t;
                try {
                    t = NabTimestamps.parseMillis(unquote(tsText));
                } catch (IllegalArgumentException e) {
                    throw new DataFormatException(name, lineNumber, ts + 1, "timestamp", Quote.of(tsText)
                            + " is not a timestamp yyyy-MM-dd HH:mm:ss");
                }
                String valueText = f[value].strip();
                String bare = unquote(valueText);
                double v = NUMBER.matcher(bare).matches() ? Double.parseDouble(bare) : Double.NaN;
                if (!Double.isFinite(v) && !isMissing(bare)) {
                    throw new DataFormatException(name, lineNumber, value + 1, "value", Quote.of(valueText)
                            + " is not a number");
                }
                Series s = byId.computeIfAbsent(id, Series::new);
                order.add(new int[] {indexes.computeIfAbsent(id, k -> indexes.size()), s.rows.size()});
                s.rows.add(new NabRow(new NabPoint(s.rows.size(), t, Double.isFinite(v) ? v : Double.NaN, 0),
                        tsText, valueText));
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw (IOException) CliFiles.explainRead(file, e);
        }
        if (byId.isEmpty()) {
            throw new IllegalArgumentException(name + " has no data rows: expected rows with a timestamp, a value"
                    + " and a " + seriesColumn + " field");
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * Writes {@code SERIES,timestamp,value,anomaly_score,label} (the first column named as in the input),
     * one row per input row in input order, with the fields as written.
     */
    static void writeSeriesColumn(List<Series> series, List<int[]> order, String seriesColumn, Writer out)
            throws IOException {
        out.write(seriesColumn + ",timestamp,value,anomaly_score,label\n");
        for (int[] at : order) {
            Series s = series.get(at[0]);
            NabRow row = s.rows.get(at[1]);
            writeScore(out, s.id + ',' + row.timestampText() + ',' + row.valueText(), s.scores[at[1]],
                    s.labels[at[1]]);
        }
    }

    private static int column(String[] names, String wanted) {
        for (int i = 0; i < names.length; i++) {
            if (unquote(names[i].strip()).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"'
                ? s.substring(1, s.length() - 1) : s;
    }

    /**
     * Whether {@code text} is a missing value as {@link NabFile#keepingMissingValues()} reads one: empty, NaN,
     * null, NA, None, an infinity (any case), or a number too large to be finite.
     */
    private static boolean isMissing(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        String unsigned = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        return s.isEmpty() || s.equals("nan") || s.equals("null") || s.equals("na") || s.equals("none")
                || unsigned.equals("inf") || unsigned.equals("infinity") || NUMBER.matcher(s).matches();
    }

    private static void writeScore(Writer out, String fields, double score, boolean label) throws IOException {
        out.write(fields);
        out.write(',');
        out.write(Double.toString(score));
        out.write(label ? ",1\n" : ",0\n");
    }

    // ------------------------------------------------------------------ scoring

    /**
     * Scores every series through {@link AnomalyStreams#scoreByKey} on {@code master}, in batches of
     * {@code batchSize} records interleaved across the series, with the series spread over {@code partitions}
     * partitions ({@code null}: one per task slot of the master), and fills each series' scores and labels.
     */
    static Tally score(List<Series> series, int batchSize, Integer partitions, String master)
            throws InterruptedException, IOException {
        List<Pair<Integer, Observation>> records = new ArrayList<>();
        int longest = 0;
        for (Series s : series) {
            longest = Math.max(longest, s.rows.size());
            s.scores = new double[s.rows.size()];
            s.labels = new boolean[s.rows.size()];
            s.scored = 0;
        }
        for (int i = 0; i < longest; i++) {
            for (int k = 0; k < series.size(); k++) {
                List<NabRow> rows = series.get(k).rows;
                if (i < rows.size()) {
                    NabPoint p = rows.get(i).point();
                    records.add(Pair.of(k, new Observation(p.timestamp(), p.value())));
                }
            }
        }
        StreamingContext.Options options = StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1))
                .withClock(new FastForwardClock())
                .withMaster(master, ExecutorSettings.defaults())
                .withStopWhenInputsExhausted(true);
        try (StreamingContext ssc = new StreamingContext(options)) {
            int parts = partitions != null ? partitions
                    : TrainingRun.defaultPartitions(master, ssc.executor().parallelism());
            PairDStream<Integer, Observation> input = PairDStream.of(ssc.source(
                    new IterableSource<>(records, batchSize), parts));
            AnomalyStreams.scoreByKey(input, StreamingAnomalyDetector.Options.defaults(), parts)
                    .foreachBatch((batch, time) -> {
                        for (Pair<Integer, ScoredObservation> p : batch.collect()) {
                            take(series.get(p.key()), p.value());
                        }
                    });
            ssc.start();
            EngineErrors.awaitTermination(ssc);
        }
        long rows = 0;
        long missing = 0;
        long anomalies = 0;
        for (Series s : series) {
            if (s.scored != s.rows.size()) {
                throw new IllegalStateException("series " + s.id + " got " + s.scored + " scores for "
                        + s.rows.size() + " rows");
            }
            rows += s.rows.size();
            for (int i = 0; i < s.rows.size(); i++) {
                missing += s.rows.get(i).point().missing() ? 1 : 0;
                anomalies += s.labels[i] ? 1 : 0;
            }
        }
        return new Tally(series.size(), rows, missing, anomalies);
    }

    /** The next score of {@code s}, checked against the row it must belong to. */
    private static void take(Series s, ScoredObservation scored) {
        int i = s.scored;
        NabPoint p = i < s.rows.size() ? s.rows.get(i).point() : null;
        if (p == null || p.timestamp() != scored.timestampMillis()
                || Double.doubleToLongBits(p.value()) != Double.doubleToLongBits(scored.value())) {
            throw new IllegalStateException("series " + s.id + " row " + (i + 1) + " came back with the score of"
                    + " another row");
        }
        s.scores[i] = scored.score();
        s.labels[i] = scored.anomaly();
        s.scored++;
    }
}
