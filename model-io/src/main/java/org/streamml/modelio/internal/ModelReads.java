package org.streamml.modelio.internal;

import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.codec.ModelCodec;
import org.streamml.modelio.codec.ModelState;

/**
 * Calls a codec's readers and turns a model constructor's {@code IllegalArgumentException} (a state
 * value out of range, say) into a {@link ModelFormatException} naming the file and the model.
 */
final class ModelReads {
    private ModelReads() {
    }

    static Model binary(ModelCodec<?> codec, BinaryReader in, ModelState state, int at, String source)
            throws ModelFormatException {
        try {
            return codec.readBinary(in, state);
        } catch (IllegalArgumentException e) {
            throw in.error(at, codec.type() + " parameters", e.getMessage(), "a valid " + codec.type() + " model");
        }
    }

    static Model json(ModelCodec<?> codec, JsonForm in, ModelState state, JsonFields f, JsonValue at, String field)
            throws ModelFormatException {
        Model m;
        try {
            m = codec.readJson(in, state);
        } catch (IllegalArgumentException e) {
            throw f.error(at, field, e.getMessage(), "a valid " + codec.type() + " model");
        }
        in.checkNoOtherMembers();
        return m;
    }
}
