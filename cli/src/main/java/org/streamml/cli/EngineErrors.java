package org.streamml.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.streamml.datasets.io.DataFormatException;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingException;

/**
 * Waits for a replay to end and turns an engine failure caused by the input file (a bad record), a diverged
 * model or the output file back into that error, so a command reports it as the loader wrote it (file, line, column) and not as
 * the failed operation of some batch.
 */
final class EngineErrors {
    private EngineErrors() {
    }

    /**
     * Waits until {@code ssc} stops.
     *
     * @throws DataFormatException the bad input record that stopped it
     * @throws IOException the output error that stopped it
     * @throws StreamingException any other failure
     */
    static void awaitTermination(StreamingContext ssc) throws InterruptedException, IOException {
        try {
            ssc.awaitTermination();
        } catch (StreamingException e) {
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                if (c instanceof DataFormatException bad) {
                    throw bad;
                }
                if (c instanceof TrainingRun.ModelDivergedException diverged) {
                    throw diverged;
                }
                if (c instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
            }
            throw e;
        }
    }
}
