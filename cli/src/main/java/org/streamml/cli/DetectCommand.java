package org.streamml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.streamml.datasets.io.BadRecordPolicy;
import org.streamml.datasets.io.NabFile;
import org.streamml.datasets.io.NabPoint;
import org.streamml.datasets.io.NabRow;
import org.streamml.datasets.io.RecordFile;
import org.streamml.datasets.io.TextInput;
import org.streamml.datasets.replay.ReplaySource;
import org.streamml.ml.anomaly.AnomalyStreams;
import org.streamml.ml.anomaly.Observation;
import org.streamml.ml.anomaly.ScoredObservation;
import org.streamml.ml.anomaly.StreamingAnomalyDetector;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.ExecutorSettings;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.io.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code streamml detect --input FILE --output SCORES}: anomaly scores for a {@code timestamp,value} series;
 * {@code --input DIR --output DIR} and {@code --input FILE --series-column NAME} score many series in parallel
 * ({@link MultiSeriesDetect}, through {@link AnomalyStreams#scoreByKey}).
 * The file is replayed through the engine as a stream (a {@link ReplaySource}, one partition, a fast-forward
 * clock) and scored by a {@link StreamingAnomalyDetector} with its default configuration through
 * {@link AnomalyStreams}; the output has one row per input row, in order:
 * {@code timestamp,value,anomaly_score,label}. The input is read once, as a {@link NabFile} keeping rows with a
 * missing value and the fields as written, and each batch's rows are written as soon as it is scored, each
 * repeating its input row's timestamp and value as written; the output appears (atomically) only when every
 * row is scored.
 */
@Command(name = "detect",
        mixinStandardHelpOptions = true,
        description = {"Score every row of a timestamp,value CSV (NAB format) for anomalies.",
            "Writes timestamp,value,anomaly_score,label: one row per input row, in order; the score is in "
                + "[0, 1], the label 1 where the detector's own threshold flags an anomaly. Missing values "
                + "score 0.",
            "Many series, scored in parallel by the engine (each exactly as alone): --input DIR scores every "
                + "*.csv file under DIR and writes one scores file per series under --output DIR, with the same "
                + "relative names; --input FILE --series-column NAME reads one CSV with timestamp, value and NAME "
                + "columns and writes NAME,timestamp,value,anomaly_score,label in input order."})
public final class DetectCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE|DIR|kafka://HOST:PORT/TOPIC",
            description = "The timestamp,value CSV, - for standard input, a directory of such CSVs (one series"
                    + " each), or a one-partition Kafka topic of timestamp,value records.")
    private String inputArg;
    private Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "SCORES|DIR",
            description = "The CSV to write, or - for standard output; for a directory input, the directory to"
                    + " write one CSV per series to.")
    private Path output;

    @Option(names = "--series-column", paramLabel = "NAME",
            description = "The --input CSV holds many series: its header names timestamp, value and NAME columns;"
                    + " each value of NAME is one series.")
    private String seriesColumn;

    @Option(names = "--partitions", paramLabel = "N",
            description = "With many series: the partitions they are spread over (default: the master's task"
                    + " slots); does not change the scores.")
    private Integer partitions;

    @CommandLine.Mixin
    private ProgressOption progressBar = new ProgressOption();

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1000",
            description = "Records per engine batch (default ${DEFAULT-VALUE}); does not change the scores.")
    private int batchSize;

    @Option(names = "--master", defaultValue = "local[2]", paramLabel = "MASTER",
            description = "Where the engine's partition tasks run: local[N] (threads, default local[2]),"
                    + " local-cluster[N], cluster://HOST:PORT, spark://HOST:PORT or spark-local[N], as for train;"
                    + " the scores are the same on every master.")
    private String master;

    @CommandLine.Mixin
    private MetricsOptions metrics;

    /** Reads, scores through the engine, writes atomically and reports on standard error. */
    @Override
    public Integer call() throws Exception {
        if (batchSize < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be >= 1: " + batchSize);
        }
        if (partitions != null && partitions < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--partitions must be >= 1: " + partitions);
        }
        StreamingContext.Options.defaults().withMaster(master); // an unknown or malformed master fails here
        boolean directory = !KafkaAddress.isKafka(inputArg) && Files.isDirectory(Path.of(inputArg));
        if (directory || seriesColumn != null) {
            return detectMany(directory);
        }
        boolean toStdout = output.toString().equals("-");
        if (!toStdout) {
            CliFiles.requireOutputFile("--output", output);
        }
        TextInput text;
        CountedInput counted = null;
        if (KafkaAddress.isKafka(inputArg)) {
            KafkaAddress from = KafkaAddress.parse("--input", inputArg);
            text = TextInput.ofString(from + " (line N is offset N-1)", KafkaSeries.read(from));
            input = Path.of(from.topic());
        } else if (CountedInput.isStandardInput(inputArg)) {
            text = CountedInput.standardInput().text();
            input = Path.of(text.name());
        } else {
            input = Path.of(inputArg);
            CliFiles.requireInputFile("--input", input);
            if (!toStdout) {
                CliFiles.requireDistinct("--output", output, "--input", input);
            }
            counted = CountedInput.of(input, input.toString());
            text = counted.text();
        }
        RecordFile<NabRow> rows = new NabFile(text, List.of(), BadRecordPolicy.FAIL).keepingMissingValues().withText();
        PrintWriter err = spec.commandLine().getErr();
        CountedInput sized = counted;
        ProgressBar bar = sized != null && sized.size() > 0
                ? progressBar.bar(err, "detect", sized.size(), true, "rows")
                : progressBar.bar(err, "detect", -1, false, "rows");
        LongSupplier done = () -> sized != null && sized.size() > 0 ? sized.bytesRead().get() : -1;
        if (toStdout) {
            spec.commandLine().getOut().flush();
            Writer out = StandardStreams.writer(java.nio.charset.Charset.defaultCharset());
            Tally tally;
            try (bar) {
                tally = detect(rows, batchSize, master, out, bar, done, metrics);
            } catch (RuntimeException | IOException e) {
                throw CliFiles.explainRead(input, e);
            }
            out.flush();
            report(err, tally, "standard output");
            return 0;
        }
        Path target = output.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Tally tally;
        try (AtomicFile file = AtomicFile.create(target)) {
            try (bar) {
                tally = detect(rows, batchSize, master, file.writer(), bar, done, metrics);
            } catch (RuntimeException | IOException e) {
                throw CliFiles.explainRead(input, e);
            }
            if (tally.rows() == 0) {
                throw new IllegalArgumentException(inputArg + " has no data rows: expected 'timestamp,value' rows"
                        + " (a header line is optional)");
            }
            CliFiles.writing(output, file::commit);
        }
        report(err, tally, output.toString());
        return 0;
    }

    private static void report(PrintWriter err, Tally tally, String output) {
        err.println("detect: " + tally.rows() + " rows, " + tally.missing() + " missing values (scored 0), "
                + tally.anomalies() + " labelled anomalies -> " + output);
        err.flush();
    }

    /** {@code --input DIR} or {@code --series-column}: reads every series, scores them in parallel, writes. */
    private int detectMany(boolean directory) throws Exception {
        if (KafkaAddress.isKafka(inputArg)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--series-column reads a CSV file, not"
                    + " a Kafka topic: " + inputArg);
        }
        input = Path.of(inputArg);
        MultiSeriesDetect.Tally tally;
        if (directory) {
            if (seriesColumn != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--series-column takes one CSV file;"
                        + " --input " + inputArg + " is a directory (each of its *.csv files is a series)");
            }
            if (Files.exists(output) && !Files.isDirectory(output)) {
                throw new IllegalArgumentException("--output " + output + " is a file; with a directory input it"
                        + " names the directory to write one scores file per series to");
            }
            if (Files.isDirectory(output) && Files.isSameFile(output, input)) {
                throw new IllegalArgumentException("--output " + output + " is the --input directory; writing"
                        + " there would overwrite the inputs: choose another directory");
            }
            List<MultiSeriesDetect.Series> series = MultiSeriesDetect.readDirectory(input);
            tally = MultiSeriesDetect.score(series, batchSize, partitions, master);
            MultiSeriesDetect.writeDirectory(series, output);
        } else {
            CliFiles.requireInputFile("--input", input);
            CliFiles.requireOutputFile("--output", output);
            CliFiles.requireDistinct("--output", output, "--input", input);
            List<int[]> order = new ArrayList<>();
            List<MultiSeriesDetect.Series> series = MultiSeriesDetect.readSeriesColumn(input, seriesColumn, order);
            tally = MultiSeriesDetect.score(series, batchSize, partitions, master);
            Path target = output.toAbsolutePath();
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            try (AtomicFile file = AtomicFile.create(target)) {
                MultiSeriesDetect.writeSeriesColumn(series, order, seriesColumn, file.writer());
                CliFiles.writing(output, file::commit);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("detect: " + tally.series() + " series, " + tally.rows() + " rows, " + tally.missing()
                + " missing values (scored 0), " + tally.anomalies() + " labelled anomalies -> " + output);
        err.flush();
        return 0;
    }

    /**
     * What a run wrote.
     *
     * @param rows the rows scored and written
     * @param missing the rows with a missing value
     * @param anomalies the rows the detector labelled anomalies
     */
    record Tally(long rows, long missing, long anomalies) {
    }

    /**
     * Streams {@code rows} through the engine on {@code master} in batches of {@code batchSize}, in one pass, and
     * writes the header and one line per row to {@code out}, in order, each batch as soon as it is scored.
     *
     * @throws org.streamml.datasets.io.DataFormatException naming file, line and column of a bad row
     * @throws IOException if writing fails
     */
    static Tally detect(RecordFile<NabRow> rows, int batchSize, String master, Writer out)
            throws InterruptedException, IOException {
        return detect(rows, batchSize, master, out, ProgressBar.off(), () -> -1, null);
    }

    /**
     * {@link #detect(RecordFile, int, String, Writer)} with progress on {@code bar} after every batch: {@code done}
     * of its total (the input's bytes read), or the rows written when {@code done} says -1; and the run's metrics
     * ({@code --metrics-port}; may be null).
     */
    static Tally detect(RecordFile<NabRow> rows, int batchSize, String master, Writer out, ProgressBar bar,
                        LongSupplier done, MetricsOptions metrics) throws InterruptedException, IOException {
        StreamingContext.Options options = StreamingContext.Options.defaults()
                .withBatchInterval(Duration.ofSeconds(1))
                .withClock(new FastForwardClock())
                .withMaster(master, ExecutorSettings.defaults())
                .withDefaultPartitions(1)
                .withStopWhenInputsExhausted(true);
        out.write("timestamp,value,anomaly_score,label\n");
        ScoreWriter writer = new ScoreWriter(out);
        try (StreamingContext ssc = new StreamingContext(options);
             MetricsOptions.Session m = metrics == null ? MetricsOptions.Session.NONE : metrics.open(ssc)) {
            DStream<NabRow> input = ssc.source(new ReplaySource<>(rows, batchSize));
            // Output operations run in registration order: the batch's rows are at hand when its scores arrive.
            input.foreachBatch((batch, time) -> writer.rows = batch.collect());
            AnomalyStreams.score(input.map(DetectCommand::observation), new StreamingAnomalyDetector())
                    .foreachBatch((batch, time) -> {
                        writer.write(batch.collect());
                        long d = done.getAsLong();
                        bar.update(d >= 0 ? d : writer.written, writer.written);
                    });
            ssc.start();
            EngineErrors.awaitTermination(ssc);
        }
        return new Tally(writer.written, writer.missing, writer.anomalies);
    }

    private static Observation observation(NabRow row) {
        return new Observation(row.point().timestamp(), row.point().value());
    }

    /** Writes each scored batch beside the rows it came from; runs on the engine's driver, batch after batch. */
    private static final class ScoreWriter {
        private final Writer out;
        private List<NabRow> rows = new ArrayList<>();
        private long written;
        private long missing;
        private long anomalies;

        ScoreWriter(Writer out) {
            this.out = out;
        }

        void write(List<ScoredObservation> scores) {
            if (scores.size() != rows.size()) {
                throw new IllegalStateException("a batch of " + rows.size() + " rows came back with " + scores.size()
                        + " scores");
            }
            try {
                for (int i = 0; i < scores.size(); i++) {
                    NabRow row = rows.get(i);
                    ScoredObservation s = scores.get(i);
                    NabPoint p = row.point();
                    if (s.timestampMillis() != p.timestamp()
                            || Double.doubleToLongBits(s.value()) != Double.doubleToLongBits(p.value())) {
                        throw new IllegalStateException("row " + (p.index() + 1) + " came back with the score of"
                                + " another row");
                    }
                    out.write(row.timestampText());
                    out.write(',');
                    out.write(row.valueText());
                    out.write(',');
                    out.write(Double.toString(s.score()));
                    out.write(s.anomaly() ? ",1\n" : ",0\n");
                    written++;
                    missing += p.missing() ? 1 : 0;
                    anomalies += s.anomaly() ? 1 : 0;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows = List.of();
        }
    }
}
