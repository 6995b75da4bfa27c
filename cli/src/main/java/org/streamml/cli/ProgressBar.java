package org.streamml.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error for the long commands ({@code train}, {@code predict}, {@code detect},
 * {@code dataset}): percent, a bar, what is done of the total, the rate and the time left, redrawn in place
 * ({@code \r}) at most five times a second:
 *
 * <pre>
 * train  42% [############                ] 1.7/4.0 MB  310,000 records/s  ETA 0:07
 * </pre>
 *
 * <p>Without a known total (standard input, a Kafka topic) it shows what is done and the rate. It is drawn only
 * when {@link #interactive()} says standard error is a terminal a person watches and the command was not given
 * {@code --no-progress}; otherwise {@link #off()} draws nothing, so logs, pipes and tests see no control
 * characters. The StreamML modules need no terminal library for this: a {@code \r} and a cleared line are all
 * it takes (a JLine-based library would add a second JLine to class paths that have Spark's).
 */
final class ProgressBar implements AutoCloseable {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 28;

    private final PrintWriter err;
    private final String task;
    private final long total;
    private final boolean bytes;
    private final String unit;
    private final LongSupplier nanos;
    private final long start;
    private long lastDraw = Long.MIN_VALUE;
    private int lastLength;
    private long done;
    private long records;
    private boolean closed;

    private ProgressBar(PrintWriter err, String task, long total, boolean bytes, String unit, LongSupplier nanos) {
        this.err = err;
        this.task = task;
        this.total = total;
        this.bytes = bytes;
        this.unit = unit;
        this.nanos = nanos;
        this.start = err == null ? 0 : nanos.getAsLong();
    }

    /** A bar that draws nothing. */
    static ProgressBar off() {
        return new ProgressBar(null, "", -1, false, "", System::nanoTime);
    }

    /**
     * The bar of {@code task} on {@code err} when {@code enabled}, else {@link #off()}.
     *
     * @param total the total, in bytes when {@code bytes} (the input file's size) or in {@code unit}s; -1 if
     *        unknown
     * @param unit what is counted ("records", "rows"), for the rate
     * @param nanos the clock, {@link System#nanoTime} but in tests
     */
    static ProgressBar of(boolean enabled, PrintWriter err, String task, long total, boolean bytes, String unit,
                          LongSupplier nanos) {
        return enabled ? new ProgressBar(err, task, total, bytes, unit, nanos) : off();
    }

    /**
     * Whether a progress bar can be drawn: a console is attached (standard input and output are a terminal; Java
     * cannot ask about standard error alone, so {@code predict > out.csv} draws none) and {@code $TERM} is not
     * {@code dumb}. From Java 22, where {@link System#console()} has a console even for redirected streams, its
     * {@code isTerminal()} must say so too.
     */
    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // Java 17 to 21: a console is a terminal
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Whether this bar draws anything. */
    boolean isOn() {
        return err != null;
    }

    /**
     * Records progress: {@code done} of the total (bytes or units) and {@code records} so far (the rate's count);
     * redraws when the last drawing is 200 ms old.
     */
    synchronized void update(long done, long records) {
        if (err == null || closed) {
            return;
        }
        this.done = done;
        this.records = records;
        long now = nanos.getAsLong();
        if (lastDraw != Long.MIN_VALUE && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        draw(now);
    }

    /** The line as drawn at {@code now} (without the {@code \r}). */
    synchronized String line(long now) {
        double seconds = Math.max(0, now - start) / 1e9;
        StringBuilder b = new StringBuilder(96).append(task);
        boolean known = total > 0;
        double fraction = known ? Math.min(1.0, (double) done / total) : 0;
        if (known) {
            int filled = (int) Math.round(fraction * WIDTH);
            b.append(String.format(Locale.ROOT, " %3d%% [", (int) Math.floor(fraction * 100)))
                    .append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
            b.append(bytes ? megabytes(done, total) : String.format(Locale.ROOT, "%,d/%,d %s", done, total, unit));
        } else {
            b.append(' ').append(bytes ? String.format(Locale.ROOT, "%.1f MB", done / 1e6)
                    : String.format(Locale.ROOT, "%,d %s", done, unit));
        }
        if (seconds > 0) {
            long count = bytes ? records : done;
            if (count > 0) {
                b.append(String.format(Locale.ROOT, "  %,.0f %s/s", count / seconds, unit));
            }
            if (known && done > 0 && fraction < 1.0) {
                b.append("  ETA ").append(clock((long) Math.ceil(seconds * (total - done) / done)));
            } else if (known) {
                b.append("  in ").append(clock((long) Math.ceil(seconds)));
            }
        }
        return b.toString();
    }

    private void draw(long now) {
        String text = line(now);
        // pad over the longer previous line instead of an ANSI erase, which some terminals lack
        int pad = Math.max(0, lastLength - text.length());
        err.print("\r" + text + " ".repeat(pad));
        err.flush();
        lastLength = text.length();
    }

    /** Records the final progress ({@link #update} without the wait) and {@linkplain #close closes} the bar. */
    synchronized void complete(long done, long records) {
        if (err == null || closed) {
            return;
        }
        this.done = done;
        this.records = records;
        close();
    }

    /** Draws the final state and ends the line; further updates draw nothing. */
    @Override
    public synchronized void close() {
        if (err == null || closed) {
            return;
        }
        closed = true;
        if (lastDraw != Long.MIN_VALUE) {
            draw(nanos.getAsLong());
            err.println();
            err.flush();
        }
    }

    private static String megabytes(long done, long total) {
        return String.format(Locale.ROOT, "%.1f/%.1f MB", done / 1e6, total / 1e6);
    }

    /** {@code 0:07}, {@code 12:30}, {@code 1:02:03}. */
    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
