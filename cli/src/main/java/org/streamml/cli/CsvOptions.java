package org.streamml.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.streamml.datasets.io.CsvFile;
import org.streamml.datasets.io.TextInput;
import org.streamml.streaming.io.Quote;
import picocli.CommandLine.Option;

/**
 * The CSV options of {@code train} and {@code predict}: {@code --header} / {@code --no-header}, {@code --label-column}
 * and {@code --delimiter}. Fields may be quoted as RFC 4180 says ({@code "1.5","a, b"}) whatever the options.
 *
 * <p>Without {@code --header} or {@code --no-header}, a first line of names is a header, a first line of numbers
 * is data, and a first line mixing both is an error naming line 1 (it could be a corrupt first row, which a guess
 * would swallow). {@code --label-column} takes a 1-based column number or, with a header, a column name; the
 * default is the first column.
 */
final class CsvOptions {
    @Option(names = "--header", negatable = true,
            description = "the CSV input starts with a header line (--no-header: it does not; default: a first line"
                    + " of names is a header, of numbers is data, of both is an error)")
    private Boolean header;

    @Option(names = "--label-column", paramLabel = "N|NAME",
            description = "CSV: the label's column, 1-based or by its header name (default: the first; for"
                    + " predict, when a row has one column more than the model's features); with kmeans, a column"
                    + " to leave out of the features")
    private String labelColumn;

    @Option(names = "--delimiter", paramLabel = "C",
            description = "CSV: the field delimiter, one character, or tab, space (any run of blanks) (default ,)")
    private String delimiter;

    /** The header mode of the CSV options. */
    CsvFile.Header mode() {
        return header == null ? CsvFile.Header.AUTO : header ? CsvFile.Header.PRESENT : CsvFile.Header.ABSENT;
    }

    /** Whether {@code --label-column} was given. */
    boolean hasLabelColumn() {
        return labelColumn != null;
    }

    /** Whether an option other than the header's was given (they apply to files and standard input only). */
    boolean hasLayoutOptions() {
        return labelColumn != null || delimiter != null;
    }

    /** The field delimiters {@code --delimiter} names, as {@link CsvFile.Options#delimiters()} takes them. */
    String delimiters() {
        if (delimiter == null) {
            return ",";
        }
        String d = switch (delimiter) {
            case "tab", "\\t", "\t" -> "\t";
            case "space", " " -> " ";
            default -> delimiter;
        };
        if (d.length() != 1) {
            throw new IllegalArgumentException("--delimiter " + Quote.of(delimiter) + " must be one character (or"
                    + " tab, space)");
        }
        try {
            CsvFile.Options.defaults().withDelimiters(d);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--delimiter " + Quote.of(delimiter) + ": " + e.getMessage(), e);
        }
        return d;
    }

    /**
     * The loader options for {@code input}: the delimiter and header mode, and the label in the column
     * {@code --label-column} names (a name is looked up in the input's first line), or, without it, in the first
     * column when {@code labelled} and nowhere (every column a feature) otherwise.
     *
     * @throws IllegalArgumentException when the column is not a positive number or not a name of the header
     */
    CsvFile.Options options(TextInput input, boolean labelled, org.streamml.datasets.io.BadRecordPolicy policy) {
        CsvFile.Options base = CsvFile.Options.defaults().withHeader(mode()).withDelimiters(delimiters())
                .withPolicy(policy);
        if (labelColumn == null) {
            return labelled ? base : base.withFeaturesOnly();
        }
        return base.withLabelColumn(labelIndex(input, base.delimiters()));
    }

    /** The 0-based column of {@code --label-column} in {@code input}. */
    private int labelIndex(TextInput input, String delimiters) {
        String text = labelColumn.strip();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            long n;
            try {
                n = Long.parseLong(text);
            } catch (NumberFormatException e) {
                n = Long.MAX_VALUE;
            }
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--label-column " + text + " must be a column number >= 1 or a"
                        + " column name of the header");
            }
            return (int) (n - 1);
        }
        if (mode() == CsvFile.Header.ABSENT) {
            throw new IllegalArgumentException("--label-column " + Quote.of(text) + " is a name, but --no-header says"
                    + " the input has no header to find it in; give the column's number");
        }
        List<String> names = headerNames(input, delimiters);
        int at = names.indexOf(text);
        if (at < 0) {
            throw new IllegalArgumentException("--label-column " + Quote.of(text) + ": the first line of "
                    + input.name() + " has no such column (it has " + String.join(", ", quoted(names)) + ")");
        }
        return at;
    }

    private static List<String> quoted(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(Quote.of(n));
        }
        return out;
    }

    /** The fields of the first non-blank line of {@code input}, unquoted and trimmed. */
    static List<String> headerNames(TextInput input, String delimiters) {
        String first = null;
        try (Reader r = input.openReader(); BufferedReader lines = new BufferedReader(r)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    first = line.startsWith("\uFEFF") ? line.substring(1) : line;
                    break;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + input.name() + ": " + e.getMessage(), e);
        }
        if (first == null) {
            throw new IllegalArgumentException(input.name() + " is empty: no header to find --label-column in");
        }
        return split(first, delimiters);
    }

    /** {@code line} split at {@code delimiters} outside double quotes; quotes removed, {@code ""} read as one. */
    static List<String> split(String line, String delimiters) {
        boolean blanks = delimiters.indexOf(' ') >= 0 || delimiters.indexOf('\t') >= 0;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (delimiters.indexOf(c) >= 0 || blanks && (c == ' ' || c == '\t')) {
                if (!(blanks && field.toString().isBlank())) {
                    fields.add(field.toString().strip());
                }
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (!(blanks && field.toString().isBlank())) {
            fields.add(field.toString().strip());
        }
        return fields;
    }
}
