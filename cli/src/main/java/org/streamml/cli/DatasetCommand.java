package org.streamml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.streamml.datasets.BundledData;
import org.streamml.datasets.Dataset;
import org.streamml.datasets.Datasets;
import org.streamml.streaming.io.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code streamml dataset NAME [--rows N] [--seed S] [--output FILE]}: writes a generator's output as CSV
 * (header, labels and ground truth included); with {@code --output kafka://HOST:PORT/TOPIC [--rate N]} each
 * row (without the header) becomes one record of the topic, which is created if missing; {@code streamml dataset list} describes each dataset, its
 * columns and the real data files shipped with StreamML.
 */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {"Write a seeded dataset as CSV, or 'list' them with their columns.",
            "The same name, rows and seed always give byte-identical output."})
final class DatasetCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "a dataset name, or 'list'")
    private String name;

    @Option(names = "--rows", paramLabel = "N", description = "number of rows (default: the dataset's own)")
    private Long rows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed (default: 42)")
    private long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|kafka://HOST:PORT/TOPIC",
            description = "output file, - for standard output (the default), or a Kafka topic that gets one record"
                    + " per row")
    private String outputArg;
    private Path output;

    @CommandLine.Mixin
    private ProgressOption progressBar = new ProgressOption();

    @Option(names = "--rate", paramLabel = "N", description = "with a kafka:// output, at most N rows a second"
            + " (default: as fast as the broker takes them)")
    private Long rate;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "with a kafka:// output, the partitions of a topic it creates (default 3)")
    private int partitions;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (name.equals("list")) {
            list(out);
            return 0;
        }
        Dataset dataset = Datasets.get(name);
        long n = rows == null ? dataset.defaultRows() : rows;
        if (n < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rows must be >= 0: " + n);
        }
        if (KafkaAddress.isKafka(outputArg)) {
            KafkaAddress to = KafkaAddress.parse("--output", outputArg);
            if (rate != null && rate < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rate must be >= 1: " + rate);
            }
            if (partitions < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--partitions must be >= 1: " + partitions);
            }
            long sent;
            try (KafkaLines lines = new KafkaLines(to, partitions, rate == null ? 0 : rate, 1)) {
                dataset.writeCsv(seed, n, lines);
                lines.flush();
                sent = lines.sent();
            }
            spec.commandLine().getErr().println("dataset: produced " + sent + " rows of " + name + " (seed " + seed
                    + ", without the CSV header) to " + to);
            return 0;
        }
        if (rate != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate needs a kafka:// --output");
        }
        output = outputArg == null || outputArg.equals("-") ? null : Path.of(outputArg);
        if (output == null) {
            Writer w = StandardStreams.writer(java.nio.charset.StandardCharsets.UTF_8);
            dataset.writeCsv(seed, n, w);
            w.flush();
            return 0;
        }
        writeAtomically(dataset, n);
        spec.commandLine().getErr().println("dataset: wrote " + n + " rows of " + name + " (seed " + seed + ") to "
                + output);
        return 0;
    }

    /** Writes to a temporary file next to the output, then renames it, so no half file is ever left. */
    private void writeAtomically(Dataset dataset, long n) throws IOException {
        Path target = output.toAbsolutePath();
        Path dir = target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + output + ": folder " + dir + " does not exist");
        }
        CliFiles.requireOutputFile("--output", output);
        try (ProgressBar bar = progressBar.bar(spec.commandLine().getErr(), "dataset", n, false, "rows")) {
            CliFiles.writing(output, () -> AtomicFile.writeText(target,
                    w -> dataset.writeCsv(seed, n, bar.isOn() ? new RowCounting(w, bar) : w)));
            bar.complete(n, n);
        }
    }

    /** Counts the rows written (line ends after the header) into a progress bar. */
    private static final class RowCounting extends java.io.FilterWriter {
        private final ProgressBar bar;
        private long lines;

        RowCounting(Writer out, ProgressBar bar) {
            super(out);
            this.bar = bar;
        }

        @Override
        public void write(int c) throws IOException {
            super.write(c);
            count(c);
        }

        @Override
        public void write(char[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                count(b[i]);
            }
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            super.write(str, off, len);
            for (int i = off; i < off + len; i++) {
                count(str.charAt(i));
            }
        }

        private void count(int c) {
            if (c == '\n' && ++lines > 1 && (lines & 1023) == 0) {
                bar.update(lines - 1, lines - 1);
            }
        }
    }

    private static void list(PrintWriter out) {
        out.println("Generated datasets (streamml dataset NAME [--rows N] [--seed S] [--output FILE]):");
        for (Dataset d : Datasets.all()) {
            out.println();
            out.printf("%s  (default %d rows)%n  %s%n", d.name(), d.defaultRows(), d.description());
            for (Dataset.Column c : d.columns()) {
                out.printf("    %-14s %s%n", c.name(), c.description());
            }
        }
        out.println();
        out.println("Real data shipped on the class path (org.streamml.datasets.BundledData):");
        for (BundledData.Entry e : BundledData.list()) {
            out.printf("  %-52s %s [%s]%n", e.name(), e.description(), e.license());
        }
    }
}
