package org.streamml.streaming.cluster;

/**
 * A partition task that failed on a worker: the message names the partition, the worker and the
 * remote exception; {@link #remoteStackTrace()} holds the worker's stack trace. The engine wraps it,
 * like any failure of user code, in an exception naming the operation and the batch time.
 */
public final class RemoteTaskException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String remoteStackTrace;

    /** A failure of {@code partition} on {@code workerId}, with the worker's error text. */
    public RemoteTaskException(int partition, int workerId, String remoteError) {
        super("partition " + partition + " failed on worker " + workerId + ": "
                + remoteError.lines().findFirst().orElse(remoteError));
        this.remoteStackTrace = remoteError;
    }

    /** The exception and stack trace as the worker printed them. */
    public String remoteStackTrace() {
        return remoteStackTrace;
    }
}
