package org.streamml.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --no-progress}: no progress bar. The bar ({@link ProgressBar}) is drawn on standard error only when it is
 * a terminal; this option turns it off there too (for a recorded terminal session, say).
 */
final class ProgressOption {
    @Option(names = "--no-progress",
            description = "draw no progress bar (it is drawn on a terminal only, never into a file or a pipe)")
    private boolean noProgress;

    /** Whether a bar is to be drawn: on a terminal and without {@code --no-progress}. */
    boolean enabled() {
        return !noProgress && ProgressBar.interactive();
    }

    /** The bar of {@code task}, on {@code err} when {@link #enabled()}; see {@link ProgressBar#of}. */
    ProgressBar bar(PrintWriter err, String task, long total, boolean bytes, String unit) {
        return ProgressBar.of(enabled(), err, task, total, bytes, unit, System::nanoTime);
    }
}
