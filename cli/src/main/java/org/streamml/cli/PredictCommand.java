package org.streamml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.streamml.datasets.io.BadRecordPolicy;
import org.streamml.datasets.io.CsvFile;
import org.streamml.datasets.io.LibSvmFile;
import org.streamml.datasets.io.RecordFile;
import org.streamml.datasets.io.RecordReader;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelIO;
import org.streamml.streaming.Time;
import org.streamml.streaming.io.AtomicFile;
import org.streamml.streaming.kafka.KafkaDeserializer;
import org.streamml.streaming.kafka.KafkaRecord;
import org.streamml.streaming.kafka.KafkaSerializer;
import org.streamml.streaming.kafka.KafkaSink;
import org.streamml.streaming.kafka.KafkaSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code streamml predict}: applies a saved model to every row of a file, standard input ({@code --input -}) or
 * Kafka topic (DESIGN.md §4). The input has the layout {@code train} reads; a CSV row with one column more than
 * the model's dimension has its label first (or where {@code --label-column} says). When rows have labels, the
 * score of the model on them (accuracy, RMSE; for k-means the within-cluster cost) ends standard error
 * ({@link PredictionScore}). The output is CSV with a header and one row per input row, in order:
 * {@code prediction} (linear regression), {@code class,probability} (logistic regression) or
 * {@code cluster} (k-means, 0-based), as the model's {@link Model#outputNames()} and
 * {@link Model#appendOutputs} say, so any model type model-io reads works; to standard output, or
 * written atomically to {@code --output}. With {@code --input kafka://HOST:PORT/TOPIC} the records up to
 * the end offsets the topic has at the start are read, partition by partition in offset order; with
 * {@code --output kafka://HOST:PORT/TOPIC} each prediction row (no header) is one record, keyed by where its
 * input was ({@code line N}, or {@code topic-partition@offset}), with the model's version in its headers.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Apply a saved model to every row of a CSV or LibSVM file, standard input or Kafka topic.",
        footer = {"", "When the rows have labels (a label column, LibSVM), standard error ends with the model's"
                + " score on them: accuracy (logreg), RMSE (linreg); for kmeans the within-cluster cost."})
public final class PredictCommand implements Callable<Integer> {

    @CommandLine.Mixin
    private CsvOptions csv = new CsvOptions();

    @CommandLine.Mixin
    private ProgressOption progressBar = new ProgressOption();

    @Option(names = {"-q", "--quiet"}, description = "no score on standard error")
    private boolean quiet;

    @Option(names = "--no-verify",
            description = "load a JSON or PMML model file even when its checksum does not match (a file edited by hand)")
    private boolean noVerify;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "the model file (any format model-io reads)")
    private Path modelPath;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE|kafka://HOST:PORT/TOPIC",
            description = "the input file, - for standard input, or a Kafka topic (one CSV or LibSVM line per record)")
    private String inputArg;

    @Option(names = "--format", defaultValue = "csv", description = "csv (default) or libsvm")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|kafka://HOST:PORT/TOPIC",
            description = "the CSV to write, - for standard output (the default), or a Kafka topic of one record per"
                    + " prediction")
    private String outputArg;

    /** One input row with where it came from, for the messages and the Kafka keys. */
    private interface Rows {
        void each(RowConsumer c) throws IOException;
    }

    private interface RowConsumer {
        /** A row: its features and its label, NaN when it has none. */
        void row(String where, Vector features, double label) throws IOException;
    }

    @Override
    public Integer call() throws Exception {
        boolean stdin = CountedInput.isStandardInput(inputArg);
        Path input = KafkaAddress.isKafka(inputArg) || stdin ? null : Path.of(inputArg);
        Path output = outputArg == null || outputArg.equals("-") || KafkaAddress.isKafka(outputArg) ? null
                : Path.of(outputArg);
        CliFiles.requireOutputFile("--output", output);
        if (input != null) {
            CliFiles.requireDistinct("--output", output, "--input", input);
        }
        CliFiles.requireDistinct("--output", output, "--model", modelPath);
        KafkaAddress to = KafkaAddress.isKafka(outputArg) ? KafkaAddress.parse("--output", outputArg) : null;
        Model model = noVerify ? ModelIO.loadUnverified(modelPath) : ModelIO.load(modelPath);
        TrainingInput.Format fmt = TrainingInput.Format.parse(format);
        if (KafkaAddress.isKafka(inputArg) && csv.hasLayoutOptions()) {
            throw new IllegalArgumentException("--label-column and --delimiter apply to a file or standard input;"
                    + " a kafka:// record is one line");
        }
        PrintWriter err = spec.commandLine().getErr();
        PredictionScore score = new PredictionScore(model);
        ProgressBar bar;
        Rows rows;
        LongSupplier bytesRead = () -> -1;
        if (KafkaAddress.isKafka(inputArg)) {
            bar = progressBar.bar(err, "predict", -1, false, "rows");
            rows = kafkaRows(KafkaAddress.parse("--input", inputArg), model, fmt);
        } else {
            CountedInput in = stdin ? CountedInput.standardInput() : CountedInput.of(requireInput(input));
            if (in.size() > 0) {
                bar = progressBar.bar(err, "predict", in.size(), true, "rows");
                bytesRead = in.bytesRead()::get;
            } else {
                bar = progressBar.bar(err, "predict", -1, false, "rows");
            }
            rows = fileRows(in, stdin ? in.name() : inputArg, model, fmt);
        }
        Rows scored = scoring(rows, score, bar, bytesRead);
        try (bar) {
            if (to != null) {
                long n = toKafka(model, scored, to);
                err.println("predict: wrote " + n + " predictions to " + to);
            } else if (output == null) {
                spec.commandLine().getOut().flush();
                Writer out = StandardStreams.writer(java.nio.charset.Charset.defaultCharset());
                write(model, scored, out);
                out.flush();
            } else {
                CliFiles.writing(output, () -> AtomicFile.writeText(output, w -> write(model, scored, w)));
            }
        } catch (RuntimeException e) {
            throw input == null ? e : CliFiles.explainRead(input, e);
        }
        String line = score.describe();
        if (line != null && !quiet) {
            err.println("predict: " + line);
            err.flush();
        }
        return 0;
    }

    private static Path requireInput(Path input) {
        CliFiles.requireInputFile("--input", input);
        return input;
    }

    /**
     * {@code rows} scored into {@code score} as they pass, with the progress on {@code bar}: the input's bytes
     * read so far ({@code bytesRead}), or the rows when it says -1.
     */
    private static Rows scoring(Rows rows, PredictionScore score, ProgressBar bar, LongSupplier bytesRead) {
        long[] n = new long[1];
        return c -> {
            rows.each((where, x, label) -> {
                score.add(x, label);
                c.row(where, x, label);
                if ((++n[0] & 1023) == 0 && bar.isOn()) {
                    long b = bytesRead.getAsLong();
                    bar.update(b >= 0 ? b : n[0], n[0]);
                }
            });
            long b = bytesRead.getAsLong();
            bar.complete(b >= 0 ? b : n[0], n[0]);
        };
    }

    /**
     * The rows of a file or standard input. A CSV row's label is in the {@code --label-column}; without it, a row
     * with one column more than the model's features has its label first, and a row of just the features none.
     * A LibSVM row's label is its first field.
     */
    private Rows fileRows(CountedInput in, String name, Model model, TrainingInput.Format fmt) {
        boolean labelColumn = csv.hasLabelColumn();
        RecordFile<LabeledPoint> file;
        if (fmt == TrainingInput.Format.CSV) {
            file = new CsvFile(in.text(), csv.options(in.text(), labelColumn, BadRecordPolicy.FAIL));
        } else {
            if (csv.hasLayoutOptions()) {
                throw new IllegalArgumentException("--label-column and --delimiter are CSV options; a LibSVM line"
                        + " has its label first");
            }
            file = new LibSvmFile(in.text(), LibSvmFile.Options.defaults().withDimension(model.numFeatures()));
        }
        int dim = model.numFeatures();
        return c -> {
            try (RecordReader<LabeledPoint> reader = file.open()) {
                while (reader.hasNext()) {
                    LabeledPoint p = reader.next();
                    String where = "line " + reader.lineNumber();
                    if (fmt == TrainingInput.Format.LIBSVM || labelColumn) {
                        c.row(where, features(p.features(), dim, fmt, name + " " + where), p.label());
                    } else {
                        row(c, where, p.features(), dim, fmt, name + " " + where);
                    }
                }
            }
        };
    }

    /** A features-only CSV row: with one column more than {@code dim}, its first is the label. */
    private static void row(RowConsumer c, String where, Vector row, int dim, TrainingInput.Format fmt, String at)
            throws IOException {
        double label = row.size() == dim + 1 && row instanceof DenseVector d ? d.values()[0] : Double.NaN;
        c.row(where, features(row, dim, fmt, at), label);
    }

    /** The topic's records up to its end offsets at the start, partition by partition, 10,000 at a time. */
    private Rows kafkaRows(KafkaAddress from, Model model, TrainingInput.Format fmt) {
        boolean csv = fmt == TrainingInput.Format.CSV;
        int dim = model.numFeatures();
        String name = from.toString();
        KafkaDeserializer<LabeledPoint> parse = KafkaDeserializer.lines(
                line -> KafkaTrainingInput.parse(name, csv, false, csv ? 0 : dim, line));
        return c -> {
            try (KafkaSource<LabeledPoint> source = KafkaSource.builder(from.bootstrap(), parse).topics(from.topic())
                    .maxRecordsPerPartition(10_000).backpressure(false).untilEndAtStart().build()) {
                source.start();
                for (long batch = 1; !source.isExhausted(); batch++) {
                    for (var reader : source.plan(Time.ofMillis(batch), 1)) {
                        for (KafkaRecord<LabeledPoint> r : reader.read()) {
                            String where = r.position();
                            if (csv) {
                                row(c, where, r.value().features(), dim, fmt, name + " " + where);
                            } else {
                                c.row(where, features(r.value().features(), dim, fmt, name + " " + where),
                                        r.value().label());
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        };
    }

    private static void write(Model model, Rows rows, Writer out) throws IOException {
        out.write(header(model));
        out.write('\n');
        StringBuilder line = new StringBuilder(64);
        rows.each((where, x, label) -> {
            line.setLength(0);
            append(line, model, x);
            line.append('\n');
            out.append(line);
        });
    }

    private static long toKafka(Model model, Rows rows, KafkaAddress to) throws IOException {
        KafkaLines.ensureTopic(to, 1);
        long[] n = new long[1];
        try (KafkaSink<String> sink = KafkaSink.create(to.bootstrap(), to.topic(), KafkaSerializer.text())) {
            StringBuilder line = new StringBuilder(64);
            rows.each((where, x, label) -> {
                line.setLength(0);
                append(line, model, x);
                sink.send(Time.ofMillis(0), model.version(), where, line.toString());
                n[0]++;
            });
            sink.flush();
        }
        return n[0];
    }

    private static Vector features(Vector row, int dim, TrainingInput.Format fmt, String where) {
        if (fmt == TrainingInput.Format.LIBSVM || row.size() == dim) {
            return row;
        }
        if (row.size() == dim + 1 && row instanceof DenseVector d) {
            double[] v = d.values();
            return Vectors.dense(java.util.Arrays.copyOfRange(v, 1, v.length));
        }
        throw new IllegalArgumentException(where + ": has " + row.size()
                + " columns, the model expects " + dim + " features (or " + (dim + 1) + " with a label first)");
    }

    /** The model's {@link Model#outputNames()}: {@code prediction}, {@code class,probability}, {@code cluster}. */
    private static String header(Model model) {
        return String.join(",", model.outputNames());
    }

    private static void append(StringBuilder line, Model model, Vector x) {
        model.appendOutputs(line, x);
    }
}
