package org.streamml.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.streamml.modelio.ModelFile;
import org.streamml.modelio.ModelFormat;
import org.streamml.modelio.ModelIO;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code streamml model convert IN OUT --format json|binary|pmml}: rewrites a model file in another
 * format, keeping its options and provenance. The output is written atomically.
 */
@Command(name = "convert",
        mixinStandardHelpOptions = true,
        description = "Convert a model file to another format (the input's format is detected).")
public final class ModelConvertCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--no-verify",
            description = "load a JSON or PMML model file even when its checksum does not match (a file edited by hand)")
    private boolean noVerify;

    @Parameters(index = "0", paramLabel = "IN", description = "The model file to read (JSON, binary or PMML).")
    private Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The model file to write.")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "json, binary or pmml (default: from OUT's extension: .json, .pmml/.xml, else binary).")
    private ModelFormat format;

    /** Reads IN, writes OUT. */
    @Override
    public Integer call() throws Exception {
        CliFiles.requireOutputFile("OUT", out);
        CliFiles.requireDistinct("OUT", out, "IN", in);
        ModelFile file = noVerify ? ModelIO.readUnverified(in) : ModelIO.read(in);
        ModelFormat target = format != null ? format : ModelFormat.forFileName(out);
        CliFiles.writing(out, () -> ModelIO.save(file, out, target));
        spec.commandLine().getErr().println("model convert: wrote " + file.model().type() + " model to " + out
                + " (" + target.name().toLowerCase(Locale.ROOT) + ")");
        return 0;
    }

    /** Parses {@code --format} with {@link ModelFormat#fromName}. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ModelFormat> {
        @Override
        public ModelFormat convert(String value) {
            try {
                return ModelFormat.fromName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
