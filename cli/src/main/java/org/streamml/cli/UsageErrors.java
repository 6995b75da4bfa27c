package org.streamml.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
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
        CommandLine.ParameterException cause = ex;
        if (ex instanceof CommandLine.MissingParameterException) {
            // "--inptu x.csv" leaves --input missing, which picocli reports first; the typo is the thing to fix
            String unknown = unknownOption(cl, args);
            if (unknown != null) {
                cause = new CommandLine.UnmatchedArgumentException(cl, List.of(unknown));
            }
        }
        err.println(cl.getCommandName() + ": error: " + cause.getMessage());
        String suggestion = suggestion(cause);
        if (suggestion != null) {
            err.println(suggestion);
        }
        err.println("see '" + cl.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        return spec.exitCodeOnInvalidInput();
    }

    /**
     * The option or subcommand names nearest to the first unmatched argument of {@code u} by edit distance
     * (insertions, deletions, substitutions and swaps of neighbours, so {@code --inptu} is 1 from {@code --input}),
     * when they are at most a third of its length away; empty otherwise (picocli's own suggestions, the names
     * with the same first letters, are the fallback).
     */
    static List<String> closest(CommandLine.UnmatchedArgumentException u) {
        List<String> unmatched = u.getUnmatched();
        if (unmatched == null || unmatched.isEmpty()) {
            return List.of();
        }
        String arg = unmatched.get(0);
        int eq = arg.indexOf('=');
        String typed = eq > 0 ? arg.substring(0, eq) : arg;
        CommandLine.Model.CommandSpec spec = u.getCommandLine().getCommandSpec();
        List<String> candidates = new ArrayList<>();
        if (typed.startsWith("-")) {
            for (CommandLine.Model.OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    candidates.addAll(List.of(o.names()));
                }
            }
        } else {
            candidates.addAll(spec.subcommands().keySet());
        }
        int best = Math.max(1, typed.replaceFirst("^-+", "").length() / 3);
        List<String> out = new ArrayList<>();
        for (String c : candidates) {
            int d = distance(typed, c);
            if (d < best) {
                best = d;
                out.clear();
            }
            if (d == best && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The optimal string alignment distance of {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * The first of {@code args} after the name of {@code cl}'s command that looks like an option ({@code -x},
     * {@code --name}, {@code --name=value}) but is none of the command's, or {@code null}.
     */
    private static String unknownOption(CommandLine cl, String[] args) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        int from = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(spec.name())) {
                from = i + 1;
                break;
            }
        }
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return null;
            }
            if (!a.startsWith("-") || a.equals("-") || a.length() > 1 && Character.isDigit(a.charAt(1))) {
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(0, eq) : a;
            if (spec.findOption(name) == null && !(name.length() > 2 && !name.startsWith("--")
                    && spec.findOption(name.substring(0, 2)) != null)) {
                return a;
            }
        }
        return null;
    }

    /**
     * "did you mean --input?" (or "did you mean one of --input, --initial-model?") for an unknown option or
     * subcommand that is close to known ones, else {@code null}.
     */
    static String suggestion(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u)) {
            return null;
        }
        List<String> names = closest(u);
        if (names.isEmpty()) {
            names = u.getSuggestions();
        }
        if (names == null || names.isEmpty()) {
            return null;
        }
        List<String> shown = names.subList(0, Math.min(3, names.size()));
        return shown.size() == 1 ? "did you mean " + shown.get(0) + "?"
                : "did you mean one of " + String.join(", ", shown) + "?";
    }
}
