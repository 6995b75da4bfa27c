package org.streamml.streaming;

import java.time.Duration;

/**
 * The source of time for a {@link StreamingContext}: batches fire when the clock reaches each batch
 * time. Production uses {@link #system()}; tests use a {@link ManualClock} that they advance by hand;
 * replaying a recorded stream as fast as the machine allows uses a {@link FastForwardClock}.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
 *         .withBatchInterval(Duration.ofSeconds(1)).withClock(clock));
 * ...
 * clock.advance(1000);      // the batch at time 1000 ms runs
 * }</pre>
 */
public interface Clock {

    /** The current time in milliseconds. */
    long millis();

    /**
     * Blocks until the clock reads at least {@code targetMillis}.
     *
     * @return the clock's reading when the wait ended
     * @throws InterruptedException if the waiting thread is interrupted (the context stopping)
     */
    long waitUntil(long targetMillis) throws InterruptedException;

    /** The wall clock ({@link System#currentTimeMillis()}). */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
