package org.streamml.datasets.io;

/**
 * A record of an input file that breaks the file's format: its message names the file, the line, the
 * column (and the column's header name when there is one) and the rule broken, for example
 * {@code data.csv line 17, column 3 (x2): 'abc' is not a number}.
 */
public final class DataFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final int column;
    private final String field;
    private final String rule;

    /**
     * An error at {@code line} (1-based) of {@code source}.
     *
     * @param source the file or resource name
     * @param line the 1-based line number, or 0 when the error has no line (a JSON entry)
     * @param column the 1-based column (field) number, or 0 when the error concerns the whole line
     * @param field the column's name from the header, or {@code null}
     * @param rule what is wrong, for example {@code 'abc' is not a number}
     */
    public DataFormatException(String source, long line, int column, String field, String rule) {
        super(format(source, line, column, field, rule));
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
        this.rule = rule;
    }

    private static String format(String source, long line, int column, String field, String rule) {
        StringBuilder sb = new StringBuilder().append(source);
        if (line > 0) {
            sb.append(" line ").append(line);
        }
        if (column > 0) {
            sb.append(line > 0 ? ", column " : " column ").append(column);
            if (field != null && !field.isEmpty()) {
                sb.append(" (").append(field).append(')');
            }
        }
        return sb.append(": ").append(rule).toString();
    }

    /** The file or resource name. */
    public String source() {
        return source;
    }

    /** The 1-based line number, or 0 when the error has no line. */
    public long line() {
        return line;
    }

    /** The 1-based column number, or 0 when the error concerns the whole line. */
    public int column() {
        return column;
    }

    /** The column's header name, or {@code null} when the file has no header or the error has no column. */
    public String field() {
        return field;
    }

    /** The rule broken, without the position, for example {@code 'abc' is not a number}. */
    public String rule() {
        return rule;
    }
}
