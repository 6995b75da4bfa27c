package org.streamml.cli;

import picocli.CommandLine;

/**
 * Turns an exception from a subcommand into one clear line on standard error and exit status 1: user
 * input errors never end in a bare stack trace. Set {@code STREAMML_DEBUG=1} to see the trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        StringBuilder msg = new StringBuilder(cl.getCommandName()).append(": error: ")
                .append(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage());
        for (Throwable c = ex.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !msg.toString().contains(c.getMessage())) {
                msg.append("\n  caused by: ").append(c.getMessage());
            }
        }
        cl.getErr().println(msg);
        if (System.getenv("STREAMML_DEBUG") != null) {
            ex.printStackTrace(cl.getErr());
        }
        return 1;
    }
}
