package org.streamml.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Reports a command line that does not parse in two or three short lines on standard error and exits with
 * status 2 (picocli's for invalid input), instead of the whole usage: the error ("train: error: Missing
 * required option: '--input=FILE'"), for a mistyped option or subcommand the nearest known names ("did you
 * mean --input?", from picocli's {@link CommandLine.UnmatchedArgumentException#getSuggestions()}), and
 * where the help is ({@code streamml train --help}).
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandName() + ": error: " + ex.getMessage());
        String suggestion = suggestion(ex);
        if (suggestion != null) {
            err.println(suggestion);
        }
        err.println("see '" + cl.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        return spec.exitCodeOnInvalidInput();
    }

    /**
     * "did you mean --input?" (or "did you mean one of --input, --initial-model?") for an unknown option or
     * subcommand that is close to known ones, else {@code null}.
     */
    static String suggestion(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u)) {
            return null;
        }
        List<String> names = u.getSuggestions();
        if (names == null || names.isEmpty()) {
            return null;
        }
        List<String> shown = names.subList(0, Math.min(3, names.size()));
        return shown.size() == 1 ? "did you mean " + shown.get(0) + "?"
                : "did you mean one of " + String.join(", ", shown) + "?";
    }
}
