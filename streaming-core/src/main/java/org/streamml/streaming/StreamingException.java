package org.streamml.streaming;

/**
 * The engine's root runtime exception. A failure in user code is wrapped in one that names the
 * operation and the batch time; {@link StreamingContext#awaitTermination()} rethrows it.
 */
public class StreamingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;

    /** An exception with a message. */
    public StreamingException(String message) {
        this(message, null, null);
    }

    /** An exception with a message and a cause. */
    public StreamingException(String message, Throwable cause) {
        this(message, cause, null);
    }

    private StreamingException(String message, Throwable cause, String operation) {
        super(message, cause);
        this.operation = operation;
    }

    /** The operation that failed, if this exception names one ({@link #inOperation}); else {@code null}. */
    public String operation() {
        return operation;
    }

    /**
     * {@code e} as it is if it already names the failed operation, else wrapped in one that names
     * {@code operation} and {@code time}.
     */
    public static StreamingException wrap(String operation, Time time, Throwable e) {
        if (e instanceof StreamingException se && se.operation != null) {
            return se;
        }
        return inOperation(operation, time, e);
    }

    /**
     * The exception for user code that failed inside {@code operation} while computing the batch at
     * {@code time}.
     */
    public static StreamingException inOperation(String operation, Time time, Throwable cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new StreamingException("operation " + operation + " failed in the batch at time " + time
                + ": " + detail, cause, operation);
    }
}
