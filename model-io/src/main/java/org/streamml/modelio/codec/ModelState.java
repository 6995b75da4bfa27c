package org.streamml.modelio.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.streamml.ml.model.Model;

/**
 * What a model file holds about a model beside its parameters: the batches applied (its version), the
 * time of its last batch and the named state values of {@link ModelCodec#state}. Immutable.
 *
 * @param version the batches applied, >= 0
 * @param lastBatchTimeMillis the time of the last batch, or {@link Model#NO_BATCH}
 * @param values the state values by name, in insertion order (copied)
 */
public record ModelState(long version, long lastBatchTimeMillis, Map<String, Double> values) {

    /** Validates and copies the fields. */
    public ModelState {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
    }

    /** No batch applied and no state: what a trace line's model form implies. */
    public static ModelState initial() {
        return new ModelState(0, Model.NO_BATCH, Map.of());
    }

    /** The state value {@code name}, or {@code absent} when the file holds none (an older file). */
    public double value(String name, double absent) {
        Double v = values.get(name);
        return v == null ? absent : v;
    }
}
