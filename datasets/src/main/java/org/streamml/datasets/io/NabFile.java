package org.streamml.datasets.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.streamml.ml.evaluation.nab.NabWindow;
import org.streamml.streaming.io.Quote;

/**
 * A NAB data file ({@code timestamp,value} with a header, timestamps {@code yyyy-MM-dd HH:mm:ss}) read one
 * row at a time, each row labelled 1 when its timestamp lies in one of the given anomaly windows.
 *
 * <p>Rows are kept in file order, exactly as written: NAB files have duplicate timestamps (e.g.
 * {@code ec2_request_latency_system_failure.csv}) and steps back in time
 * ({@code machine_temperature_system_failure.csv}), and a detector scored on NAB must see the same
 * sequence. Nothing is sorted, merged or dropped; {@link NabPoint#index()} is the row's position.
 *
 * <p>A value must be a finite number, unless the file {@linkplain #keepingMissingValues() keeps missing
 * values}: then an empty value, {@code NaN}, {@code null}, {@code NA}, {@code None} (any case) or an infinite
 * one is read as a row with value {@code NaN} ({@link NabPoint#missing()}), so that a detector's output can
 * keep one row per input row.
 */
public final class NabFile implements RecordFile<NabPoint> {
    private final TextInput input;
    private final List<NabWindow> windows;
    private final BadRecordPolicy policy;
    private final boolean keepMissing;

    /** The NAB text {@code input} with anomaly {@code windows} (may be empty) and a bad-record policy. */
    public NabFile(TextInput input, List<NabWindow> windows, BadRecordPolicy policy) {
        this(input, windows, policy, false);
    }

    private NabFile(TextInput input, List<NabWindow> windows, BadRecordPolicy policy, boolean keepMissing) {
        this.input = Objects.requireNonNull(input, "input");
        this.windows = List.copyOf(windows);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.keepMissing = keepMissing;
    }

    /** This file, reading a missing value as a row with value {@code NaN} instead of a bad row. */
    public NabFile keepingMissingValues() {
        return new NabFile(input, windows, policy, true);
    }

    /** The UTF-8 file at {@code path} with anomaly {@code windows}, failing on a bad row. */
    public static NabFile of(Path path, List<NabWindow> windows) {
        return new NabFile(TextInput.of(path), windows, BadRecordPolicy.FAIL);
    }

    /** The anomaly windows. */
    public List<NabWindow> windows() {
        return windows;
    }

    @Override
    public String name() {
        return input.name();
    }

    @Override
    public RecordReader<NabPoint> open() {
        return new Reader();
    }

    /**
     * This file read as rows that also keep the timestamp and the value as written (trimmed), for output that
     * repeats its input: one pass, the same rows and errors as {@link #open()}.
     */
    public RecordFile<NabRow> withText() {
        return new RecordFile<>() {
            @Override
            public String name() {
                return input.name();
            }

            @Override
            public RecordReader<NabRow> open() {
                return new TextReader();
            }
        };
    }

    /** One pass over the points. */
    private final class Reader extends AbstractRecordReader<NabPoint> {
        private final Parser parser = new Parser();

        Reader() {
            super(input, policy);
        }

        @Override
        NabPoint parse(LineReader line) {
            return parser.parse(line);
        }
    }

    /** One pass over the points with their text. */
    private final class TextReader extends AbstractRecordReader<NabRow> {
        private final Parser parser = new Parser();

        TextReader() {
            super(input, policy);
        }

        @Override
        NabRow parse(LineReader line) {
            NabPoint p = parser.parse(line);
            if (p == null) {
                return null;
            }
            String text = line.line();
            int comma = text.indexOf(',');
            return new NabRow(p, text.substring(0, comma).strip(), text.substring(comma + 1).strip());
        }
    }

    /**
     * The rows of one pass: an optional header line (any first line whose first field is not a timestamp),
     * then rows of two fields, each optionally in double quotes.
     */
    private final class Parser {
        private boolean headerSeen;
        private long index;

        NabPoint parse(LineReader line) {
            char[] b = line.buffer();
            int from = line.start();
            int to = line.end();
            int comma = from;
            while (comma < to && b[comma] != ',') {
                comma++;
            }
            if (!headerSeen) {
                headerSeen = true;
                // NAB files start with "timestamp,value"; other producers name the columns differently or
                // write none. A first line whose first field is not a timestamp is a header, whatever it says.
                int end = trimEnd(b, from, comma);
                if (NabTimestamps.parse(b, quotedFrom(b, from, end), quotedTo(b, from, end)) == NabTimestamps.INVALID) {
                    return null;
                }
            }
            int columns = comma == to ? 1 : 2;
            for (int i = comma + 1; i < to; i++) {
                columns += b[i] == ',' ? 1 : 0;
            }
            if (columns != 2) {
                throw error(line, 0, null, "expected 2 columns (timestamp,value), found " + columns + ": "
                        + Quote.of(line.line()));
            }
            int tsEnd = trimEnd(b, from, comma);
            long t = NabTimestamps.parse(b, quotedFrom(b, from, tsEnd), quotedTo(b, from, tsEnd));
            if (t == NabTimestamps.INVALID) {
                throw error(line, 1, "timestamp", Quote.of(new String(b, from, comma - from))
                        + " is not a timestamp yyyy-MM-dd HH:mm:ss");
            }
            int vs = comma + 1;
            while (vs < to && LineReader.isBlank(b[vs])) {
                vs++;
            }
            int valueEnd = trimEnd(b, vs, to);
            int ve = quotedTo(b, vs, valueEnd);
            vs = quotedFrom(b, vs, valueEnd);
            double v = NumberParser.parse(b, vs, ve);
            if (!Double.isFinite(v)) {
                boolean word = NumberParser.isNonFiniteWord(b, vs, ve);
                if (keepMissing && (vs == ve || word || isMissingWord(b, vs, ve))) {
                    v = Double.NaN;
                } else {
                    String text = new String(b, vs, ve - vs);
                    throw error(line, 2, "value", Quote.of(text) + " is not "
                            + (Double.isNaN(v) && !word ? "a number" : "finite"));
                }
            }
            return new NabPoint(index++, t, v, inWindow(t) ? 1 : 0);
        }

        /** Whether {@code b[from, to)} is enclosed in double quotes. */
        private static boolean quoted(char[] b, int from, int to) {
            return to - from >= 2 && b[from] == '"' && b[to - 1] == '"';
        }

        /** The start of {@code b[from, to)} inside its enclosing double quotes, if any. */
        private static int quotedFrom(char[] b, int from, int to) {
            return quoted(b, from, to) ? from + 1 : from;
        }

        /** The end of {@code b[from, to)} inside its enclosing double quotes, if any. */
        private static int quotedTo(char[] b, int from, int to) {
            return quoted(b, from, to) ? to - 1 : to;
        }

        private boolean inWindow(long t) {
            for (NabWindow w : windows) {
                if (w.contains(t)) {
                    return true;
                }
            }
            return false;
        }

        private boolean isMissingWord(char[] b, int from, int to) {
            if (to - from > 4) {
                return false;
            }
            String s = new String(b, from, to - from).toLowerCase(Locale.ROOT);
            return s.equals("null") || s.equals("na") || s.equals("none");
        }

        private int trimEnd(char[] b, int from, int to) {
            while (to > from && LineReader.isBlank(b[to - 1])) {
                to--;
            }
            return to;
        }

        private DataFormatException error(LineReader line, int column, String field, String rule) {
            return new DataFormatException(input.name(), line.lineNumber(), column, field, rule);
        }
    }
}
