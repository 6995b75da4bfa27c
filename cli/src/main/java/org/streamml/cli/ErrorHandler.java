package org.streamml.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.streamml.streaming.io.Quote;
import picocli.CommandLine;

/**
 * Turns an exception from a subcommand into one clear line on standard error and exit status 1: user
 * input errors never end in a bare stack trace. Set {@code STREAMML_DEBUG=1} to see the trace.
 *
 * <p>The JVM's own errors get a message that says what to do: an {@link OutOfMemoryError} names the files the
 * command was given (the input that was too large) and how to raise the heap
 * ({@code STREAMML_JAVA_OPTS=-Xmx4g}), a {@link StackOverflowError} how to raise the thread stack. They are
 * recognised anywhere in the cause chain (an engine batch that ran out of memory arrives wrapped) and, through
 * {@link #handleError}, when thrown directly by a command (picocli passes only {@link Exception}s here).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        for (Throwable c = ex; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError || c instanceof StackOverflowError) {
                return handleError((Error) c, cl, parsed);
            }
        }
        StringBuilder msg = new StringBuilder(cl.getCommandName()).append(": error: ")
                .append(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
        for (Throwable c = ex instanceof CliFiles.FileError ? null : ex.getCause(); c != null && c != c.getCause();
                c = c.getCause()) {
            if (c.getMessage() != null && !msg.toString().contains(c.getMessage())) {
                msg.append("\n  caused by: ").append(c.getMessage());
            }
        }
        cl.getErr().println(msg);
        debugTrace(ex, cl);
        return 1;
    }

    /**
     * Reports an error of the JVM that ended the subcommand {@code cl} (parsed as {@code parsed}) and returns
     * the exit status, 1.
     *
     * @throws Error {@code error} itself when it is neither out of memory nor a stack overflow
     */
    static int handleError(Error error, CommandLine cl, CommandLine.ParseResult parsed) {
        String files = files(parsed);
        String msg;
        if (error instanceof OutOfMemoryError) {
            long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
            msg = "out of memory (" + (error.getMessage() == null ? "OutOfMemoryError" : error.getMessage()) + ")"
                    + (files.isEmpty() ? "" : " while processing " + files)
                    + ": the input is too large for the Java heap of " + maxMiB + " MiB; raise it, for example"
                    + " STREAMML_JAVA_OPTS=-Xmx" + Math.max(1, (2 * maxMiB + 1023) / 1024) + "g ./streamml " + String.join(" ", commandPath(cl)) + " ...";
        } else if (error instanceof StackOverflowError) {
            msg = "stack overflow" + (files.isEmpty() ? "" : " while processing " + files)
                    + ": the input is nested or recursive beyond the thread stack; raise it, for example"
                    + " STREAMML_JAVA_OPTS=-Xss64m, or simplify the input";
        } else {
            throw error;
        }
        cl.getErr().println(cl.getCommandName() + ": error: " + msg);
        debugTrace(error, cl);
        return 1;
    }

    /** The files the command was given, as {@code --input 'x.csv', FILE 'm.json'}; empty if none. */
    private static String files(CommandLine.ParseResult parsed) {
        if (parsed == null) {
            return "";
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        List<String> out = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : parsed.matchedOptions()) {
            // a file, or a file or a Kafka topic (paramLabel FILE|kafka://...)
            if ((o.type() == Path.class || o.paramLabel().startsWith("FILE")) && o.getValue() != null) {
                out.add(o.longestName() + " " + Quote.of(o.getValue().toString()));
            }
        }
        for (CommandLine.Model.PositionalParamSpec p : parsed.matchedPositionals()) {
            if (p.type() == Path.class && p.getValue() != null) {
                out.add(p.paramLabel() + " " + Quote.of(p.getValue().toString()));
            }
        }
        return String.join(", ", out);
    }

    /** The subcommand names from the top, such as {@code [model, inspect]}. */
    private static List<String> commandPath(CommandLine cl) {
        List<String> names = new ArrayList<>();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            names.add(0, c.getCommandName());
        }
        return names;
    }

    private static void debugTrace(Throwable t, CommandLine cl) {
        if (System.getenv("STREAMML_DEBUG") != null) {
            t.printStackTrace(cl.getErr());
        }
        cl.getErr().flush();
    }
}
