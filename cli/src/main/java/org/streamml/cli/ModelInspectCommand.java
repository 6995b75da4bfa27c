package org.streamml.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelFile;
import org.streamml.modelio.ModelIO;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code streamml model inspect FILE}: a model file's format, type, the model's own
 * {@link Model#summary()} (dimensions, threshold, cluster weights, effective count…), version and
 * provenance. The last batch's time is a date when a wall clock produced it and a batch number with its logical
 * time otherwise ({@link ModelTimes}).
 */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Show a model file's format, type, dimensions, version and provenance.")
public final class ModelInspectCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--no-verify",
            description = "load a JSON or PMML model file even when its checksum does not match (a file edited by hand)")
    private boolean noVerify;

    @Parameters(index = "0", paramLabel = "FILE", description = "The model file (JSON, binary or PMML).")
    private Path file;

    /** Reads the file and prints one {@code name: value} line per property. */
    @Override
    public Integer call() throws Exception {
        ModelFile f = noVerify ? ModelIO.readUnverified(file) : ModelIO.read(file);
        Model m = f.model();
        PrintWriter out = spec.commandLine().getOut();
        line(out, "file", file.toString());
        line(out, "format", ModelIO.detectFormat(file).name().toLowerCase(Locale.ROOT));
        line(out, "type", m.type());
        for (Map.Entry<String, String> fact : m.summary().entrySet()) {
            line(out, fact.getKey(), fact.getValue());
        }
        line(out, "version", m.version() + " batches applied");
        line(out, "last batch", ModelTimes.lastBatch(m.lastBatchTimeMillis(), f.options()));
        line(out, "library", f.provenance().library());
        line(out, "created", f.provenance().createdAt());
        StringBuilder opts = new StringBuilder();
        for (Map.Entry<String, String> e : f.options().entrySet()) {
            opts.append(opts.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
        }
        line(out, "options", opts.length() == 0 ? "none" : opts.toString());
        out.flush();
        return 0;
    }

    private static void line(PrintWriter out, String name, String value) {
        out.printf("%-16s %s%n", name + ":", value);
    }
}
