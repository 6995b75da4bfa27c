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
import org.streamml.streaming.io.AtomicFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code streamml predict}: applies a saved model to every row of a file (DESIGN.md §4). The input has
 * the layout {@code train} reads; a CSV row with one column more than the model's dimension has its
 * label first, which is ignored. The output is CSV with a header and one row per input row, in order:
 * {@code prediction} (linear regression), {@code class,probability} (logistic regression) or
 * {@code cluster} (k-means, 0-based), as the model's {@link Model#outputNames()} and
 * {@link Model#appendOutputs} say, so any model type model-io reads works; to standard output, or
 * written atomically to {@code --output}.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Apply a saved model to every row of a CSV or LibSVM file.")
public final class PredictCommand implements Callable<Integer> {

    @CommandLine.Mixin
    private HeaderOption header = new HeaderOption();

    @Option(names = "--no-verify",
            description = "load a JSON or PMML model file even when its checksum does not match (a file edited by hand)")
    private boolean noVerify;

    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, description = "the model file (any format model-io reads)")
    private Path modelPath;

    @Option(names = "--input", required = true, description = "the input file")
    private Path input;

    @Option(names = "--format", defaultValue = "csv", description = "csv (default) or libsvm")
    private String format;

    @Option(names = "--output", description = "the CSV to write (default: standard output)")
    private Path output;

    @Override
    public Integer call() throws Exception {
        CliFiles.requireOutputFile("--output", output);
        CliFiles.requireDistinct("--output", output, "--input", input);
        CliFiles.requireDistinct("--output", output, "--model", modelPath);
        Model model = noVerify ? ModelIO.loadUnverified(modelPath) : ModelIO.load(modelPath);
        TrainingInput.Format fmt = TrainingInput.Format.parse(format);
        CliFiles.requireInputFile("--input", input);
        RecordFile<LabeledPoint> rows = fmt == TrainingInput.Format.CSV
                ? CsvFile.of(input, CsvFile.Options.defaults().withFeaturesOnly().withPolicy(BadRecordPolicy.FAIL)
                        .withHeader(header.mode()))
                : LibSvmFile.of(input, LibSvmFile.Options.defaults().withDimension(model.numFeatures()));
        try {
            if (output == null) {
                spec.commandLine().getOut().flush();
                Writer out = StandardStreams.writer(java.nio.charset.Charset.defaultCharset());
                write(model, rows, fmt, out);
                out.flush();
                return 0;
            }
            CliFiles.writing(output, () -> AtomicFile.writeText(output, w -> write(model, rows, fmt, w)));
        } catch (RuntimeException e) {
            throw CliFiles.explainRead(input, e);
        }
        return 0;
    }

    private void write(Model model, RecordFile<LabeledPoint> rows, TrainingInput.Format fmt, Writer out)
            throws IOException {
        out.write(header(model));
        out.write('\n');
        StringBuilder line = new StringBuilder(64);
        try (RecordReader<LabeledPoint> reader = rows.open()) {
            while (reader.hasNext()) {
                Vector x = features(reader.next().features(), model.numFeatures(), fmt, reader.lineNumber());
                line.setLength(0);
                append(line, model, x);
                line.append('\n');
                out.append(line);
            }
        }
    }

    private Vector features(Vector row, int dim, TrainingInput.Format fmt, long lineNumber) {
        if (fmt == TrainingInput.Format.LIBSVM || row.size() == dim) {
            return row;
        }
        if (row.size() == dim + 1 && row instanceof DenseVector d) {
            double[] v = d.values();
            return Vectors.dense(java.util.Arrays.copyOfRange(v, 1, v.length));
        }
        throw new IllegalArgumentException(input + " line " + lineNumber + ": has " + row.size()
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
