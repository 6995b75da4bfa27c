package org.streamml.demos;

import java.io.PrintWriter;

/**
 * One end-to-end demo run by {@code streamml demo NAME}: it builds a pipeline on the embedded engine,
 * runs it to its end and prints what it found. Register a new one with one line in {@link Demos}.
 */
public interface Demo {

    /** One line saying what the demo shows, for the command's help. */
    String description();

    /** The batches the demo runs when {@code --batches} is not given: 24 unless the demo says otherwise. */
    default int defaultBatches() {
        return DemoSettings.defaults().batches();
    }

    /**
     * Runs the demo, printing to {@code out}.
     *
     * @return the process exit status (0 on success)
     */
    int run(DemoSettings settings, PrintWriter out) throws Exception;
}
