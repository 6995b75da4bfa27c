package org.streamml.streaming;

/**
 * A clock that jumps to whatever time is waited for, so that batches run back to back as fast as the
 * machine allows. Used to replay files and datasets: a batch boundary is then a record count, not
 * wall time, and the results are the same as a paced run.
 */
public final class FastForwardClock implements Clock {
    private long now;

    /** A fast-forward clock starting at 0 ms. */
    public FastForwardClock() {
        this(0);
    }

    /** A fast-forward clock starting at {@code startMillis}. */
    public FastForwardClock(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public synchronized long millis() {
        return now;
    }

    @Override
    public synchronized long waitUntil(long targetMillis) {
        if (targetMillis > now) {
            now = targetMillis;
        }
        return now;
    }
}
