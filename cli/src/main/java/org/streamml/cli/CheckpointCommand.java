package org.streamml.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.streamml.streaming.checkpoint.CheckpointInspector;
import org.streamml.streaming.checkpoint.Values;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code streamml checkpoint inspect DIR}: what a checkpoint directory holds, validated. */
@Command(name = "checkpoint",
        mixinStandardHelpOptions = true,
        description = "Inspect and validate checkpoint directories.",
        subcommands = {CheckpointCommand.Inspect.class})
public final class CheckpointCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Prints the usage: {@code checkpoint} needs a subcommand. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "checkpoint needs a subcommand: inspect");
    }

    /** {@code checkpoint inspect DIR}. */
    @Command(name = "inspect",
            mixinStandardHelpOptions = true,
            description = "Show what a checkpoint directory holds (batch time, offsets, operators, models) and"
                    + " validate every checkpoint in it.")
    public static final class Inspect implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The checkpoint directory.")
        private Path dir;

        /** Prints the report; exits 1 when no checkpoint is usable. */
        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(dir)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no checkpoint directory " + dir);
            }
            var out = spec.commandLine().getOut();
            for (String line : CheckpointInspector.inspect(dir, new Values())) {
                out.println(line);
            }
            out.flush();
            if (out.checkError()) {
                throw new java.io.IOException("cannot write to standard output");
            }
            return 0;
        }
    }
}
