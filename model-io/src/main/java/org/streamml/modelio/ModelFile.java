package org.streamml.modelio;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.streamml.ml.model.Model;

/**
 * A model with the metadata a model file holds beside it: the algorithm options it was trained with (a
 * free-form map, e.g. {@code stepSize=0.1}) and its provenance. The model carries its own version and
 * the time of its last batch. Immutable.
 *
 * @param model the model
 * @param options the algorithm options, in insertion order (copied)
 * @param provenance where the file comes from
 */
public record ModelFile(Model model, Map<String, String> options, Provenance provenance) {

    /** Validates and copies the fields. */
    public ModelFile {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provenance, "provenance");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(options, "options")));
    }

    /** {@code model} without options, written by this library now. */
    public static ModelFile of(Model model) {
        return new ModelFile(model, Map.of(), Provenance.now());
    }

    /** {@code model} with algorithm {@code options}, written by this library now. */
    public static ModelFile of(Model model, Map<String, String> options) {
        return new ModelFile(model, options, Provenance.now());
    }
}
