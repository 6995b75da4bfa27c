package org.streamml.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code streamml model}: inspect and convert model files (JSON, binary, PMML). */
@Command(name = "model",
        mixinStandardHelpOptions = true,
        description = "Inspect and convert model files (JSON, binary, PMML).",
        subcommands = {ModelInspectCommand.class, ModelConvertCommand.class})
public final class ModelCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Prints the usage: {@code model} needs a subcommand. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "model needs a subcommand: inspect or convert");
    }
}
