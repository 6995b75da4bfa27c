package org.streamml.streaming.checkpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one checkpoint holds: the time of the last batch it covers, the context's zero time, the
 * fingerprint of the program that wrote it (operator ids and types, learners and their options) and one
 * section of encoded state per operator, source and learner, by stable id ({@code "stream 3 updateStateByKey"},
 * {@code "source 0"}, {@code "learner 0 StreamingKMeans"}).
 *
 * @param batchTimeMillis the last batch completed before the checkpoint
 * @param zeroTimeMillis  the context's time before its first batch
 * @param fingerprint     one line per operator and learner, in declaration order
 * @param sections        encoded state by id, in the order written
 */
public record Checkpoint(long batchTimeMillis, long zeroTimeMillis, List<String> fingerprint,
                         Map<String, byte[]> sections) {

    /** Copies the lists. */
    public Checkpoint {
        fingerprint = List.copyOf(fingerprint);
        sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(sections)));
    }
}
