package org.streamml.ml.drift.adaptation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vectors;

/**
 * A seeded SEA-like stream with one abrupt change: two features uniform on [-1, 1]; before record {@code change}
 * the label is 1 when {@code x0 + x1 > 0}, from it on when {@code x0 - x1 > 0} (half the labels flip); a fraction
 * {@code noise} of labels is flipped.
 */
final class ConceptStream {
    private ConceptStream() {
    }

    static List<List<LabeledPoint>> batches(int batches, int batchSize, long change, double noise, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<List<LabeledPoint>> out = new ArrayList<>();
        long index = 0;
        for (int b = 0; b < batches; b++) {
            List<LabeledPoint> batch = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++, index++) {
                double x0 = rnd.nextDouble(-1, 1);
                double x1 = rnd.nextDouble(-1, 1);
                boolean positive = index < change ? x0 + x1 > 0 : x0 - x1 > 0;
                if (rnd.nextDouble() < noise) {
                    positive = !positive;
                }
                batch.add(new LabeledPoint(positive ? 1 : 0, Vectors.dense(x0, x1)));
            }
            out.add(batch);
        }
        return out;
    }
}
