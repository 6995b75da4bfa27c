package org.streamml.streaming;

/**
 * A clock that moves only when told to. Tests advance it to make batches fire, with no sleeps and no
 * dependence on timing. Thread-safe.
 */
public final class ManualClock implements Clock {
    private long now;

    /** A manual clock reading 0 ms. */
    public ManualClock() {
        this(0);
    }

    /** A manual clock reading {@code startMillis}. */
    public ManualClock(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public synchronized long millis() {
        return now;
    }

    /** Moves the clock forward by {@code millis} (>= 0) and wakes waiters. */
    public synchronized void advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("cannot move a clock backwards: " + millis + " ms");
        }
        now += millis;
        notifyAll();
    }

    /** Sets the clock to {@code millis}, which must not be earlier than now, and wakes waiters. */
    public synchronized void setTime(long millis) {
        if (millis < now) {
            throw new IllegalArgumentException("cannot move a clock backwards: from " + now + " to " + millis);
        }
        now = millis;
        notifyAll();
    }

    @Override
    public synchronized long waitUntil(long targetMillis) throws InterruptedException {
        while (now < targetMillis) {
            wait();
        }
        return now;
    }
}
