package org.streamml.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
 * {@code streamml predict}: applies a saved model to every row of a file or Kafka topic (DESIGN.md §4). The
 * input has the layout {@code train} reads; a CSV row with one column more than the model's dimension has
 * its label first, which is ignored. The output is CSV with a header and one row per input row, in order:
 * {@code prediction} (linear regression), {@code class,probability} (logistic regression) or
 * {@code cluster} (k-means, 0-based), as the model's {@link Model#outputNames()} and
 * {@link Model#appendOutputs} say, so any model type model-io reads works; to standard output, or
 * written atomically to {@code --output}. With {@code --input kafka://HOST:PORT/TOPIC} the records up to
 * the end offsets the topic has at the start are read, partition by partition in offset order; with
 * {@code --output kafka://HOST:PORT/TOPIC} each prediction row (no header) is one record, keyed by where its
 * input was ({@code line N}, or {@code topic-partition@offset}), with the model's version in its headers.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Apply a saved model to every row of a CSV or LibSVM file or Kafka topic.")
public final class PredictCommand implements Callable<Integer> {

    @CommandLine.Mixin
    private HeaderOption header = new HeaderOption();

    @Option(names = "--no-verify",
            description = "load a JSON or PMML model file even when its checksum does not match (a file edited by hand)")
    private boolean noVerify;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-m", "--model"}, required = true, description = "the model file (any format model-io reads)")
    private Path modelPath;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE|kafka://HOST:PORT/TOPIC",
            description = "the input file, or a Kafka topic (one CSV or LibSVM line per record)")
    private String inputArg;

    @Option(names = "--format", defaultValue = "csv", description = "csv (default) or libsvm")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|kafka://HOST:PORT/TOPIC",
            description = "the CSV to write, or a Kafka topic of one record per prediction (default: standard output)")
    private String outputArg;

    /** One input row with where it came from, for the messages and the Kafka keys. */
    private interface Rows {
        void each(RowConsumer c) throws IOException;
    }

    private interface RowConsumer {
        void row(String where, Vector features) throws IOException;
    }

    @Override
    public Integer call() throws Exception {
        Path input = KafkaAddress.isKafka(inputArg) ? null : Path.of(inputArg);
        Path output = outputArg == null || KafkaAddress.isKafka(outputArg) ? null : Path.of(outputArg);
        CliFiles.requireOutputFile("--output", output);
        if (input != null) {
            CliFiles.requireDistinct("--output", output, "--input", input);
        }
        CliFiles.requireDistinct("--output", output, "--model", modelPath);
        KafkaAddress to = KafkaAddress.isKafka(outputArg) ? KafkaAddress.parse("--output", outputArg) : null;
        Model model = noVerify ? ModelIO.loadUnverified(modelPath) : ModelIO.load(modelPath);
        TrainingInput.Format fmt = TrainingInput.Format.parse(format);
        Rows rows = input != null ? fileRows(input, model, fmt)
                : kafkaRows(KafkaAddress.parse("--input", inputArg), model, fmt);
        try {
            if (to != null) {
                long n = toKafka(model, rows, to);
                spec.commandLine().getErr().println("predict: wrote " + n + " predictions to " + to);
                return 0;
            }
            if (output == null) {
                spec.commandLine().getOut().flush();
                Writer out = StandardStreams.writer(java.nio.charset.Charset.defaultCharset());
                write(model, rows, out);
                out.flush();
                return 0;
            }
            CliFiles.writing(output, () -> AtomicFile.writeText(output, w -> write(model, rows, w)));
        } catch (RuntimeException e) {
            throw input == null ? e : CliFiles.explainRead(input, e);
        }
        return 0;
    }

    private Rows fileRows(Path input, Model model, TrainingInput.Format fmt) {
        CliFiles.requireInputFile("--input", input);
        RecordFile<LabeledPoint> file = fmt == TrainingInput.Format.CSV
                ? CsvFile.of(input, CsvFile.Options.defaults().withFeaturesOnly().withPolicy(BadRecordPolicy.FAIL)
                        .withHeader(header.mode()))
                : LibSvmFile.of(input, LibSvmFile.Options.defaults().withDimension(model.numFeatures()));
        return c -> {
            try (RecordReader<LabeledPoint> reader = file.open()) {
                while (reader.hasNext()) {
                    LabeledPoint p = reader.next();
                    String where = "line " + reader.lineNumber();
                    c.row(where, features(p.features(), model.numFeatures(), fmt, input + " " + where));
                }
            }
        };
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
                            c.row(where, features(r.value().features(), dim, fmt, name + " " + where));
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
        rows.each((where, x) -> {
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
            rows.each((where, x) -> {
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
