package org.streamml.ml.anomaly;

/**
 * A sliding memory of the series' recent shapes: each record's last {@code width} standardised values form a
 * vector, and a new vector's novelty is its Euclidean distance to the nearest vector remembered from the last
 * {@code capacity} records, leaving out the {@code width} most recent ones (they overlap the new vector). A
 * shape that has occurred before, however spiky, is near something remembered; a new shape is not.
 * O(capacity * width) per record on one flat array; allocation-free. Not thread-safe.
 */
final class ShapeMemory {
    private final int width;
    private final int capacity;
    private final double[] memory;
    private final double[] recent;
    private final double[] vector;
    private int recentSize;
    private int recentNext;
    private int stored;
    private int next;

    /** A memory of {@code capacity} shapes of {@code width} values each. */
    ShapeMemory(int width, int capacity) {
        this.width = width;
        this.capacity = capacity;
        this.memory = new double[capacity * width];
        this.recent = new double[width];
        this.vector = new double[width];
    }

    /**
     * Adds standardised {@code value} and returns the distance from the newest shape to the nearest
     * remembered one, or NaN until there is something to compare with.
     */
    double novelty(double value) {
        recent[recentNext] = value;
        recentNext = recentNext + 1 == width ? 0 : recentNext + 1;
        if (recentSize < width) {
            recentSize++;
            if (recentSize < width) {
                return Double.NaN;
            }
        }
        int at = recentNext;
        for (int k = 0; k < width; k++) {
            vector[k] = recent[at];
            at = at + 1 == width ? 0 : at + 1;
        }
        double best = Double.POSITIVE_INFINITY;
        int comparable = stored - width;
        for (int s = 0; s < comparable; s++) {
            int slot = Math.floorMod(next - 1 - width - s, capacity);
            int base = slot * width;
            double d = 0;
            for (int k = 0; k < width && d < best; k++) {
                double diff = memory[base + k] - vector[k];
                d += diff * diff;
            }
            if (d < best) {
                best = d;
            }
        }
        System.arraycopy(vector, 0, memory, next * width, width);
        next = next + 1 == capacity ? 0 : next + 1;
        stored = Math.min(stored + 1, capacity);
        return comparable > 0 ? Math.sqrt(best) : Double.NaN;
    }
}
