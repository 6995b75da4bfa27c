package org.streamml.streaming;

import java.io.IOException;
import java.util.List;

/**
 * A source whose records arrive on a receiver thread of its own (a socket) rather than when a batch asks:
 * when the context checkpoints, the engine gives the source a {@link ReceivedLog} before
 * {@link #start()}, and the receiver passes every block of records it receives to the log, which forces
 * them to the disk, before they enter the source's buffer. A record counts as received only once it is
 * logged, so a driver that dies loses none of the records it received: after a restart the batches that
 * ran after the last checkpoint are regenerated from the log, and the records received but not yet taken
 * by a batch come back through {@link #restoreReceived} to be taken first (Spark's receiver write-ahead
 * log, {@code spark.streaming.receiver.writeAheadLog.enable}).
 *
 * <p>Records still in the operating system's socket buffer when the process dies were never received and
 * are lost; a sender that must lose nothing needs acknowledgements, which a plain TCP stream does not have.
 *
 * @param <T> record type
 */
public interface ReceiverSource<T> extends Source<T> {

    /**
     * Where the receiver must log what it receives from now on; called once, before {@link #start()}, and
     * only when the context checkpoints.
     */
    void logReceived(ReceivedLog<T> log);

    /**
     * Records received and logged before a restart that no batch took: the source must hand them out, in
     * this order, before anything it receives from now on. Called once, before {@link #start()}.
     */
    void restoreReceived(List<T> records);

    /** The write-ahead log a receiver writes to; safe to call from the receiver's thread. */
    @FunctionalInterface
    interface ReceivedLog<T> {
        /**
         * Appends a block of received records and forces it to the disk; they count as received when this
         * returns.
         *
         * @throws IOException if the log cannot be written; the receiver must fail with it
         */
        void append(List<T> block) throws IOException;
    }
}
