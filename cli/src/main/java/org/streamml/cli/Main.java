package org.streamml.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of the {@code streamml} command. Each subcommand is its own class; add new ones to the
 * {@code subcommands} list below.
 */
@Command(name = "streamml",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Machine learning on streams: a micro-batch engine and streaming learners.",
        subcommands = {
            CommandLine.HelpCommand.class,
            NotebookCommand.class,
            DatasetCommand.class,
            DemoCommand.class,
            TrainCommand.class,
            ModelCommand.class,
            CheckpointCommand.class,
            PredictCommand.class,
            DetectCommand.class,
            NabScoreCommand.class,
            WorkerCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line {@code args} and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line {@code args} and returns its exit status (for tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The library version, from the jar manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"streamml " + (v == null ? "development build" : v)};
        }
    }
}
