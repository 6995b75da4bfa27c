package org.streamml.streaming.checkpoint;

import org.streamml.streaming.StreamingException;

/**
 * A checkpoint that cannot be used: damaged, foreign, of a future format version, or written by another
 * program than the one restarting. The message is one line naming the file, what was found and what was
 * expected, and how to start fresh where that is the way out.
 */
public class CheckpointException extends StreamingException {

    /** A checkpoint error with {@code message}. */
    public CheckpointException(String message) {
        super(message);
    }

    /** A checkpoint error with {@code message} caused by {@code cause}. */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
