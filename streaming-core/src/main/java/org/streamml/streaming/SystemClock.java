package org.streamml.streaming;

/** The wall clock; waits sleep in short steps so that an interrupt ends them promptly. */
final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public long waitUntil(long targetMillis) throws InterruptedException {
        long now = millis();
        while (now < targetMillis) {
            Thread.sleep(Math.min(targetMillis - now, 100));
            now = millis();
        }
        return now;
    }
}
