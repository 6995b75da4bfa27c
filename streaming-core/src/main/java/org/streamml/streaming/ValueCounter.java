package org.streamml.streaming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel of {@link Batch#countByValue(int)}: each input partition counts its records into one
 * {@code long[1]} counter per distinct value and output partition, so a repeated record costs one hash
 * lookup and no allocation (no pair, no boxed count); output partition r then merges the r-th maps of
 * every input partition in input-partition order, which keeps results independent of thread timing.
 */
final class ValueCounter {
    private ValueCounter() {
    }

    static <T> PairBatch<T, Long> countByValue(Batch<T> batch, int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + numPartitions);
        }
        List<List<Pair<T, Long>>> merged = batch.executor().<List<T>, Map<T, long[]>, Pair<T, Long>>shuffle(
                batch.partitions(), part -> {
                    List<Map<T, long[]>> out = new ArrayList<>(numPartitions);
                    for (int r = 0; r < numPartitions; r++) {
                        out.add(new LinkedHashMap<>());
                    }
                    Map<T, long[]> single = numPartitions == 1 ? out.get(0) : null;
                    for (T x : part) {
                        Map<T, long[]> bucket = single != null ? single
                                : out.get(PairBatch.partitionOf(x, numPartitions));
                        bucket.computeIfAbsent(x, k -> new long[1])[0]++;
                    }
                    return out;
                }, numPartitions, owned -> {
                    Map<T, long[]> acc = new LinkedHashMap<>();
                    for (Map<T, long[]> bucket : owned) {
                        for (Map.Entry<T, long[]> e : bucket.entrySet()) {
                            long[] c = acc.get(e.getKey());
                            if (c == null) {
                                acc.put(e.getKey(), new long[] {e.getValue()[0]});
                            } else {
                                c[0] += e.getValue()[0];
                            }
                        }
                    }
                    List<Pair<T, Long>> out = new ArrayList<>(acc.size());
                    acc.forEach((k, c) -> out.add(Pair.of(k, c[0])));
                    return out;
                });
        return PairBatch.of(new Batch<>(batch.time(), merged, batch.executor()));
    }
}
