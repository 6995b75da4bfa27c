package org.streamml.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.streamml.datasets.io.BadRecordPolicy;
import org.streamml.datasets.io.NabFile;
import org.streamml.datasets.io.NabPoint;
import org.streamml.datasets.io.RecordReader;
import org.streamml.datasets.io.TextInput;
import org.streamml.ml.anomaly.AnomalyStreams;
import org.streamml.ml.anomaly.Observation;
import org.streamml.ml.anomaly.StreamingAnomalyDetector;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.io.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code streamml detect --input FILE --output SCORES}: anomaly scores for a {@code timestamp,value} series.
 * The file is replayed through the engine as a stream (one partition, a fast-forward clock) and scored by a
 * {@link StreamingAnomalyDetector} with its default configuration; the output has one row per input row, in
 * order: {@code timestamp,value,anomaly_score,label}. The input is read as a {@link NabFile} keeping rows with
 * a missing value; each output row repeats its input row's timestamp and value as written.
 */
@Command(name = "detect",
        mixinStandardHelpOptions = true,
        description = {"Score every row of a timestamp,value CSV (NAB format) for anomalies.",
            "Writes timestamp,value,anomaly_score,label: one row per input row, in order; the score is in "
                + "[0, 1], the label 1 where the detector's own threshold flags an anomaly. Missing values "
                + "score 0."})
public final class DetectCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The timestamp,value CSV.")
    private Path input;

    @Option(names = "--output", required = true, paramLabel = "SCORES", description = "The CSV to write.")
    private Path output;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1000",
            description = "Records per engine batch (default ${DEFAULT-VALUE}); does not change the scores.")
    private int batchSize;

    /** Reads, scores through the engine, writes atomically and reports on standard error. */
    @Override
    public Integer call() throws Exception {
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be >= 1: " + batchSize);
        }
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("input file not found: " + input);
        }
        Rows table = read();
        if (table.size() == 0) {
            throw new IllegalArgumentException(input + " has no data rows: expected 'timestamp,value' rows"
                    + " (a header line is optional)");
        }
        double[] scores = new double[table.size()];
        boolean[] labels = new boolean[table.size()];
        score(table, scores, labels);
        int anomalies = write(table, scores, labels);
        PrintWriter err = spec.commandLine().getErr();
        err.println("detect: " + table.size() + " rows, " + table.missing() + " missing values (scored 0), "
                + anomalies + " labelled anomalies -> " + output);
        err.flush();
        return 0;
    }

    /** The input's rows: the line each came from, its timestamp and value (NaN when missing). */
    private record Rows(long[] lines, long[] timestamps, double[] values, int missing) {
        int size() {
            return values.length;
        }
    }

    private Rows read() {
        long[] lines = new long[1024];
        long[] times = new long[1024];
        double[] values = new double[1024];
        int n = 0;
        int missing = 0;
        try (RecordReader<NabPoint> r = new NabFile(TextInput.of(input, input.toString()), List.of(),
                BadRecordPolicy.FAIL).keepingMissingValues().open()) {
            while (r.hasNext()) {
                NabPoint p = r.next();
                if (n == values.length) {
                    lines = Arrays.copyOf(lines, 2 * n);
                    times = Arrays.copyOf(times, 2 * n);
                    values = Arrays.copyOf(values, 2 * n);
                }
                lines[n] = r.lineNumber();
                times[n] = p.timestamp();
                values[n] = p.value();
                missing += p.missing() ? 1 : 0;
                n++;
            }
        }
        return new Rows(Arrays.copyOf(lines, n), Arrays.copyOf(times, n), Arrays.copyOf(values, n), missing);
    }

    private void score(Rows table, double[] scores, boolean[] labels) throws InterruptedException {
        List<Observation> records = new ArrayList<>(table.size());
        for (int i = 0; i < table.size(); i++) {
            records.add(new Observation(table.timestamps()[i], table.values()[i]));
        }
        StreamingContext.Options options = StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1))
                .withClock(new FastForwardClock())
                .withDefaultPartitions(1)
                .withThreads(1)
                .withStopWhenInputsExhausted(true);
        int[] next = {0};
        try (StreamingContext ssc = new StreamingContext(options)) {
            DStream<Observation> series = ssc.fromIterable(records, batchSize);
            AnomalyStreams.score(series, new StreamingAnomalyDetector()).foreachBatch((batch, time) ->
                    batch.foreach(s -> {
                        scores[next[0]] = s.score();
                        labels[next[0]] = s.anomaly();
                        next[0]++;
                    }));
            ssc.start();
            ssc.awaitTermination();
        }
        if (next[0] != table.size()) {
            throw new IllegalStateException("the engine scored " + next[0] + " of " + table.size() + " rows");
        }
    }

    private int write(Rows table, double[] scores, boolean[] labels) throws IOException {
        Path target = output.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        int[] anomalies = {0};
        AtomicFile.writeText(target, w -> {
            try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
                w.write("timestamp,value,anomaly_score,label\n");
                long lineNo = 0;
                for (int i = 0; i < table.size(); i++) {
                    String line;
                    do {
                        line = in.readLine();
                        lineNo++;
                    } while (lineNo < table.lines()[i]);
                    anomalies[0] += labels[i] ? 1 : 0;
                    int comma = line.indexOf(',');
                    w.write(line.substring(0, comma).strip());
                    w.write(',');
                    w.write(line.substring(comma + 1).strip());
                    w.write(',');
                    w.write(Double.toString(scores[i]));
                    w.write(labels[i] ? ",1\n" : ",0\n");
                }
            }
        });
        return anomalies[0];
    }
}
