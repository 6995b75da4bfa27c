package org.streamml.streaming;

/**
 * The engine's root runtime exception. A failure in user code is wrapped in one that names the
 * operation and the batch time; {@link StreamingContext#awaitTermination()} rethrows it.
 */
public class StreamingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public StreamingException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public StreamingException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The exception for user code that failed inside {@code operation} while computing the batch at
     * {@code time}.
     */
    public static StreamingException inOperation(String operation, Time time, Throwable cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new StreamingException("operation " + operation + " failed in the batch at time " + time
                + ": " + detail, cause);
    }
}
