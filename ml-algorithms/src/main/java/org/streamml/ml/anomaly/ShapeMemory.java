package org.streamml.ml.anomaly;

/**
 * A sliding memory of a series' recent shapes at one time scale: at each record the last {@code width *
 * segment} standardised values, averaged over consecutive runs of {@code segment} values (piecewise aggregate
 * approximation), form a vector of {@code width} numbers; its novelty is the Euclidean distance to the nearest
 * vector remembered from the last {@code capacity} records, leaving out those that overlap it. A shape that has
 * occurred before, however spiky, is near something remembered; a shape never seen is far from all. A streaming
 * nearest-neighbour model: O(capacity * width) per record on one flat array (the distance loop stops early once
 * it exceeds the best so far), allocation-free. Not thread-safe.
 */
final class ShapeMemory {
    private final int width;
    private final int segment;
    private final int span;
    private final int capacity;
    private final double[] memory;
    private final double[] recent;
    private final double[] vector;
    private int recentSize;
    private int recentNext;
    private int stored;
    private int next;

    /** A memory of the last {@code capacity} shapes of {@code width} segments of {@code segment} values each. */
    ShapeMemory(int width, int segment, int capacity) {
        this.width = width;
        this.segment = segment;
        this.span = width * segment;
        this.capacity = capacity;
        this.memory = new double[capacity * width];
        this.recent = new double[span];
        this.vector = new double[width];
    }

    /**
     * Adds standardised {@code value} and returns the distance from the newest shape to the nearest
     * remembered one that does not overlap it, or NaN until there is one.
     */
    double novelty(double value) {
        recent[recentNext] = value;
        recentNext = recentNext + 1 == span ? 0 : recentNext + 1;
        if (recentSize < span) {
            recentSize++;
            if (recentSize < span) {
                return Double.NaN;
            }
        }
        int at = recentNext;
        for (int k = 0; k < width; k++) {
            double sum = 0;
            for (int j = 0; j < segment; j++) {
                sum += recent[at];
                at = at + 1 == span ? 0 : at + 1;
            }
            vector[k] = sum / segment;
        }
        double best = Double.POSITIVE_INFINITY;
        int comparable = stored - span;
        int slot = Math.floorMod(next - 1 - span, capacity);
        for (int s = 0; s < comparable; s++) {
            int base = slot * width;
            double d = 0;
            for (int k = 0; k < width && d < best; k++) {
                double diff = memory[base + k] - vector[k];
                d += diff * diff;
            }
            if (d < best) {
                best = d;
            }
            slot = slot == 0 ? capacity - 1 : slot - 1;
        }
        System.arraycopy(vector, 0, memory, next * width, width);
        next = next + 1 == capacity ? 0 : next + 1;
        stored = Math.min(stored + 1, capacity);
        return comparable > 0 ? Math.sqrt(best) : Double.NaN;
    }

    /** How many values {@link #save} appends. */
    int savedSize() {
        return 4 + span + stored * width;
    }

    /** Appends the remembered shapes and the recent values to {@code out}. */
    void save(DetectorState.Writer out) {
        out.putInt(recentSize);
        out.putInt(recentNext);
        out.putInt(stored);
        out.putInt(next);
        out.put(recent, span);
        out.put(memory, stored * width);
    }

    /** Puts back what {@link #save} wrote, for a memory of the same width, segment and capacity. */
    void restore(DetectorState.Reader in) {
        int rs = in.getInt("a shape's recent count", 0, span);
        int rn = in.getInt("a shape's recent position", 0, span - 1);
        int st = in.getInt("a count of remembered shapes", 0, capacity);
        int nx = in.getInt("a shape position", 0, capacity - 1);
        if (st < capacity && nx != st) {
            throw new IllegalArgumentException("the saved detector state has " + st + " shapes at position " + nx);
        }
        in.get(recent, span);
        in.get(memory, st * width);
        recentSize = rs;
        recentNext = rn;
        stored = st;
        next = nx;
    }
}
