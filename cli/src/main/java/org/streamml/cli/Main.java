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
            BenchCommand.class,
            WorkerCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** {@code --log-level} and {@code --log-config}, inherited by every subcommand. */
    @CommandLine.Mixin
    private final LogOptions logging = new LogOptions();

    /** Runs the command line {@code args} and exits with its status. */
    public static void main(String[] args) {
        StandardStreams.install();
        System.exit(run(args));
    }

    /**
     * Runs the command line {@code args} and returns its exit status (for tests). A command that succeeded
     * but whose standard output was lost (a full disk, {@code > /dev/full}) exits with 1 and says so on
     * standard error; so does a lost standard error, silently.
     */
    public static int run(String... args) {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setExecutionStrategy(LogOptions.applyingFirst(main.logging, cl.getExecutionStrategy()));
        return execute(cl, args);
    }

    /**
     * Runs {@code args} on {@code cl} with the CLI's error handling: exceptions and the JVM's out-of-memory and
     * stack-overflow errors become one message ({@link ErrorHandler}), a lost standard output exit status 1.
     */
    static int execute(CommandLine cl, String... args) {
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new UsageErrors());
        int status;
        try {
            status = cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            CommandLine.ParseResult parsed = cl.getParseResult();
            CommandLine leaf = cl;
            for (CommandLine.ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
                leaf = p.commandSpec().commandLine();
            }
            status = ErrorHandler.handleError(e, leaf, parsed);
        }
        String lost = StandardStreams.failure(cl);
        if (lost != null && status == 0) {
            cl.getErr().println(commandName(cl) + ": error: " + lost);
            status = 1;
        }
        cl.getErr().flush();
        if (System.err.checkError() && status == 0) {
            status = 1;
        }
        return status;
    }

    /** The name of the subcommand that ran ("predict", "inspect"), or "streamml". */
    private static String commandName(CommandLine cl) {
        CommandLine.ParseResult parsed = cl.getParseResult();
        if (parsed == null) {
            return cl.getCommandName();
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return parsed.commandSpec().name();
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
