package org.streamml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.streamml.datasets.BundledData;
import org.streamml.datasets.io.BadRecordPolicy;
import org.streamml.datasets.io.NabFile;
import org.streamml.datasets.io.NabFileMatcher;
import org.streamml.datasets.io.NabLabels;
import org.streamml.datasets.io.NabResultsFile;
import org.streamml.datasets.io.RecordReader;
import org.streamml.datasets.io.TextInput;
import org.streamml.ml.evaluation.nab.NabFileResult;
import org.streamml.ml.evaluation.nab.NabProfile;
import org.streamml.ml.evaluation.nab.NabResult;
import org.streamml.ml.evaluation.nab.NabScorer;
import org.streamml.ml.evaluation.nab.NabSeries;
import org.streamml.ml.evaluation.nab.NabWindow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code streamml nab-score RESULTS_DIR}: the Numenta Anomaly Benchmark score of a detector's results, one table
 * per profile (standard, reward low FP, reward low FN), each with the threshold optimised over the corpus.
 */
@Command(name = "nab-score",
        mixinStandardHelpOptions = true,
        description = {"Score a detector's results with the Numenta Anomaly Benchmark.",
            "Reads every *.csv under RESULTS_DIR (columns timestamp and anomaly_score, one row per data row, as "
                + "'streamml detect' writes them), matches each to its NAB windows by relative path or file "
                + "name, and prints per profile the corpus threshold, each file's score and the normalised "
                + "score (null detector 0, perfect detector 100)."})
public final class NabScoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "The folder of results files.")
    private Path resultsDir;

    @Option(names = "--labels", paramLabel = "WINDOWS_JSON",
            description = "NAB's combined_windows.json (default: the copy bundled with StreamML).")
    private Path labels;

    @Option(names = "--data", paramLabel = "DIR",
            description = "NAB's data folder: check that each results file has its data file's row count.")
    private Path data;

    @Option(names = "--probation", paramLabel = "FRACTION", defaultValue = "0.15",
            description = "The fraction of each file not scored (default ${DEFAULT-VALUE}).")
    private double probation;

    @Option(names = "--threshold", paramLabel = "SCORE",
            description = "Score every profile at this threshold instead of the one optimised over RESULTS_DIR "
                    + "(for cross-validation: a threshold chosen on other files).")
    private Double threshold;

    /** Reads the results, scores each profile and prints the tables. */
    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(resultsDir)) {
            throw new IllegalArgumentException("RESULTS_DIR is not a folder: " + resultsDir);
        }
        Map<String, List<NabWindow>> windows = readWindows();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<NabSeries> corpus = new ArrayList<>();
        Map<String, Path> scoredFrom = new java.util.HashMap<>();
        for (Path file : csvFiles()) {
            String rel = resultsDir.relativize(file).toString().replace('\\', '/');
            String key = NabFileMatcher.match(rel, windows.keySet());
            if (key == null) {
                err.println("nab-score: skipping " + file + ": no NAB windows for a file of that name");
                continue;
            }
            Path before = scoredFrom.putIfAbsent(key, file);
            if (before != null) {
                throw new IllegalArgumentException("two results files under " + resultsDir + " are for the NAB series "
                        + key + ": " + before + " and " + file + "; a series is scored once, so keep one of them (or"
                        + " put each detector's results in its own folder)");
            }
            NabSeries series = NabResultsFile.read(file, key);
            checkAgainstData(file, key, series);
            corpus.add(series);
        }
        err.flush();
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("no results file under " + resultsDir + " matches a NAB data file");
        }
        NabScorer scorer = new NabScorer(new NabScorer.Options(probation));
        List<NabResult> results = new ArrayList<>();
        for (NabProfile p : NabProfile.all()) {
            results.add(threshold == null ? scorer.score(corpus, windows, p)
                    : scorer.scoreAt(corpus, windows, p, threshold));
        }
        for (NabResult r : results) {
            printProfile(out, r);
        }
        out.println("NAB scores (" + corpus.size() + " files):");
        for (NabResult r : results) {
            out.printf(Locale.ROOT, "  %-20s %7.2f   (threshold %s)%n", r.profile().name(), r.normalizedScore(),
                    threshold(r.threshold()));
        }
        out.flush();
        return 0;
    }

    private Map<String, List<NabWindow>> readWindows() {
        if (labels == null) {
            return NabLabels.readWindows(BundledData.input("nab/labels/combined_windows.json"));
        }
        if (!Files.isRegularFile(labels)) {
            throw new IllegalArgumentException("windows file not found: " + labels);
        }
        return NabLabels.readWindows(TextInput.of(labels, labels.toString()));
    }

    private List<Path> csvFiles() throws IOException {
        try (Stream<Path> files = Files.walk(resultsDir)) {
            return files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".csv"))
                    .sorted().toList();
        }
    }

    private void checkAgainstData(Path file, String key, NabSeries series) {
        if (data == null) {
            return;
        }
        Path dataFile = data.resolve(key);
        if (!Files.isRegularFile(dataFile)) {
            throw new IllegalArgumentException("no data file " + dataFile + " for results " + file);
        }
        long rows = 0;
        try (RecordReader<?> r = new NabFile(TextInput.of(dataFile, dataFile.toString()), List.of(),
                BadRecordPolicy.FAIL).keepingMissingValues().open()) {
            for (; r.hasNext(); r.next()) {
                rows++;
            }
        }
        if (rows != series.size()) {
            throw new IllegalArgumentException(file + " has " + series.size() + " rows but its data file "
                    + dataFile + " has " + rows);
        }
    }

    private static void printProfile(PrintWriter out, NabResult r) {
        out.println("profile " + r.profile().name() + String.format(Locale.ROOT,
                " (A_TP=%s, A_FP=-%s, A_FN=-%s), threshold %s", r.profile().tpWeight(), r.profile().fpWeight(),
                r.profile().fnWeight(), threshold(r.threshold())));
        out.printf(Locale.ROOT, "  %-60s %7s %7s %8s %5s %9s%n", "file", "rows", "windows", "detected", "FP",
                "raw");
        for (NabFileResult f : r.files()) {
            out.printf(Locale.ROOT, "  %-60s %7d %7d %8d %5d %9.3f%n", f.name(), f.rows(), f.windows(),
                    f.detectedWindows(), f.falsePositives(), f.rawScore());
        }
        out.printf(Locale.ROOT, "  raw %.3f, null %.3f, perfect %.3f -> score %.2f%n%n", r.rawScore(),
                r.nullScore(), r.perfectScore(), r.normalizedScore());
    }

    private static String threshold(double t) {
        return Double.isInfinite(t) ? "none (detecting nothing scores best)" : String.format(Locale.ROOT, "%.4f", t);
    }
}
