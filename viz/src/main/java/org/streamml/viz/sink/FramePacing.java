package org.streamml.viz.sink;

/**
 * How often a sink may draw: at most one frame per minimum interval, and rendering busy at most a share
 * of the time, so that however slow rendering gets it takes a bounded part of one core from the engine.
 * After a frame that took d, the next starts no sooner than {@code max(minInterval, min(d / busyShare,
 * maxPause))} later: a slow renderer draws fewer frames, and still at least one per {@code maxPause}.
 *
 * @param minIntervalMillis the shortest time between the starts of two frames, >= 0
 * @param busyShare the largest share of wall time spent rendering, in (0, 1]
 * @param maxPauseMillis the longest pause the busy share may impose after a frame, >= minIntervalMillis
 */
public record FramePacing(long minIntervalMillis, double busyShare, long maxPauseMillis) {

    /** Validates the pacing. */
    public FramePacing {
        if (minIntervalMillis < 0) {
            throw new IllegalArgumentException("minimum frame interval must be >= 0 ms: " + minIntervalMillis);
        }
        if (!(busyShare > 0 && busyShare <= 1)) {
            throw new IllegalArgumentException("busy share must be in (0, 1]: " + busyShare);
        }
        if (maxPauseMillis < minIntervalMillis) {
            throw new IllegalArgumentException("maximum pause must be >= the minimum interval (" + minIntervalMillis
                    + " ms): " + maxPauseMillis);
        }
    }

    /** At most 4 frames a second, rendering at most 2 % of the time, at least one frame every 2 s. */
    public static FramePacing defaults() {
        return new FramePacing(250, 0.02, 2000);
    }

    /** As fast as frames are requested, with no pause: for tests and files. */
    public static FramePacing unpaced() {
        return new FramePacing(0, 1, 0);
    }

    /** A copy with another minimum interval (the maximum pause grows to it if needed). */
    public FramePacing withMinIntervalMillis(long millis) {
        return new FramePacing(millis, busyShare, Math.max(maxPauseMillis, millis));
    }

    /** A copy with another busy share. */
    public FramePacing withBusyShare(double share) {
        return new FramePacing(minIntervalMillis, share, maxPauseMillis);
    }

    /** A copy with another maximum pause. */
    public FramePacing withMaxPauseMillis(long millis) {
        return new FramePacing(minIntervalMillis, busyShare, millis);
    }

    /** The pause in nanoseconds before the next frame, after a frame that took {@code busyNanos}. */
    long pauseNanos(long busyNanos) {
        long byShare = busyShare >= 1 ? 0 : (long) (busyNanos / busyShare);
        long min = minIntervalMillis * 1_000_000L;
        return Math.max(min, Math.min(byShare, maxPauseMillis * 1_000_000L));
    }
}
