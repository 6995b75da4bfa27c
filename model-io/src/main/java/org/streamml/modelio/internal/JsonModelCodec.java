package org.streamml.modelio.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelFile;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.ModelJson;
import org.streamml.modelio.Provenance;
import org.streamml.modelio.codec.ModelCodec;
import org.streamml.modelio.codec.ModelCodecs;
import org.streamml.modelio.codec.ModelState;
import org.streamml.modelio.internal.JsonValue.JsonObject;

/**
 * The JSON model file: an object with {@code format}, {@code formatVersion}, {@code type},
 * {@code provenance}, {@code options}, {@code state} and {@code model}, the last being the model's JSON
 * form ({@link ModelJson}, written by the model type's {@link ModelCodec}). Format version 2 added
 * {@code state}; version 1 files, which have none, still load. See the module README for an example.
 */
public final class JsonModelCodec {
    /** The value of the {@code format} member. */
    public static final String FORMAT_NAME = "streamml-model";
    /** The format version this code writes; it reads this one and every earlier one. */
    public static final int FORMAT_VERSION = 2;

    private static final Set<String> FILE_MEMBERS =
            Set.of("format", "formatVersion", "type", "provenance", "options", "state", "model");
    private static final Set<String> PROVENANCE_MEMBERS =
            Set.of("library", "createdAt", "batchesApplied", "lastBatchTimeMillis");

    private JsonModelCodec() {
    }

    /** The file's text: metadata one member per line, the model on one line. */
    public static <M extends Model> String write(ModelFile file, ModelCodec<M> codec) {
        M m = codec.modelClass().cast(file.model());
        StringBuilder sb = new StringBuilder(64 + m.numFeatures() * 24);
        sb.append("{\n  \"format\": \"").append(FORMAT_NAME).append("\",\n");
        sb.append("  \"formatVersion\": ").append(FORMAT_VERSION).append(",\n");
        sb.append("  \"type\": \"").append(m.type()).append("\",\n");
        sb.append("  \"provenance\": {\"library\": ");
        quote(sb, file.provenance().library());
        sb.append(", \"createdAt\": ");
        quote(sb, file.provenance().createdAt());
        sb.append(", \"batchesApplied\": ").append(m.version());
        sb.append(", \"lastBatchTimeMillis\": ").append(m.lastBatchTimeMillis()).append("},\n");
        sb.append("  \"options\": {");
        boolean first = true;
        for (Map.Entry<String, String> e : file.options().entrySet()) {
            sb.append(first ? "" : ", ");
            quote(sb, e.getKey());
            sb.append(": ");
            quote(sb, e.getValue());
            first = false;
        }
        sb.append("},\n  \"state\": {");
        first = true;
        for (Map.Entry<String, Double> e : codec.state(m).entrySet()) {
            sb.append(first ? "" : ", ");
            quote(sb, e.getKey());
            sb.append(": ").append(ModelJson.number(e.getValue()));
            first = false;
        }
        sb.append("},\n  \"model\": ");
        ModelJson.appendJson(sb, m);
        return sb.append("\n}\n").toString();
    }

    /**
     * Reads a JSON model file.
     *
     * @param source the file name for messages
     */
    public static ModelFile read(String text, String source) throws ModelFormatException {
        JsonFields f = new JsonFields(source);
        JsonObject root = f.object(parse(text, source), "(root)");
        String format = f.string(f.member(root, "(root)", "format"), "format");
        if (!format.equals(FORMAT_NAME)) {
            throw f.error(root.members().get("format"), "format", "\"" + format + "\"", "\"" + FORMAT_NAME + "\"");
        }
        JsonValue versionValue = f.member(root, "(root)", "formatVersion");
        long version = f.integer(versionValue, "formatVersion", 1);
        if (version > FORMAT_VERSION) {
            throw f.error(versionValue, "formatVersion", "format version " + version,
                    "format version 1 or " + FORMAT_VERSION + " (written by a newer StreamML? upgrade to read it)");
        }
        f.onlyMembers(root, "(root)", version == 1 ? Set.of("format", "formatVersion", "type", "provenance",
                "options", "model") : FILE_MEMBERS);
        String type = f.string(f.member(root, "(root)", "type"), "type");
        JsonObject prov = f.object(f.member(root, "(root)", "provenance"), "provenance");
        f.onlyMembers(prov, "provenance", PROVENANCE_MEMBERS);
        String library = f.string(f.member(prov, "provenance", "library"), "provenance.library");
        String createdAt = f.string(f.member(prov, "provenance", "createdAt"), "provenance.createdAt");
        long batches = f.integer(f.member(prov, "provenance", "batchesApplied"), "provenance.batchesApplied", 0);
        long lastBatch = f.integer(f.member(prov, "provenance", "lastBatchTimeMillis"),
                "provenance.lastBatchTimeMillis", Model.NO_BATCH);
        JsonObject opts = f.object(f.member(root, "(root)", "options"), "options");
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : opts.members().entrySet()) {
            options.put(e.getKey(), f.string(e.getValue(), "options." + e.getKey()));
        }
        Map<String, Double> state = new LinkedHashMap<>();
        JsonValue stateValue = root.members().get("state");
        if (stateValue != null) {
            for (Map.Entry<String, JsonValue> e : f.object(stateValue, "state").members().entrySet()) {
                state.put(e.getKey(), f.finite(e.getValue(), "state." + e.getKey()));
            }
        }
        JsonValue modelValue = f.member(root, "(root)", "model");
        Model model = readModel(f, modelValue, "model", new ModelState(batches, lastBatch, state));
        if (!model.type().equals(type)) {
            throw f.error(modelValue, "model.type", "\"" + model.type() + "\"",
                    "the file's type \"" + type + "\"");
        }
        return new ModelFile(model, options, new Provenance(library, createdAt));
    }

    /** Reads a model's JSON form alone (a trace line's {@code model} object), version 0, no state. */
    public static Model readModel(String text, String source) throws ModelFormatException {
        return readModel(new JsonFields(source), parse(text, source), "model", ModelState.initial());
    }

    private static JsonValue parse(String text, String source) throws ModelFormatException {
        try {
            return JsonTree.parse(text);
        } catch (JsonTree.JsonSyntaxException e) {
            throw new ModelFormatException(source, source + ": " + e.getMessage(), e);
        }
    }

    private static Model readModel(JsonFields f, JsonValue v, String field, ModelState state)
            throws ModelFormatException {
        JsonObject o = f.object(v, field);
        JsonValue typeValue = f.member(o, field, "type");
        String type = f.string(typeValue, field + ".type");
        ModelCodec<?> codec = ModelCodecs.forType(type).orElseThrow(() -> f.error(typeValue, field + ".type",
                "\"" + type + "\"", ModelCodecs.describeTypes()));
        return ModelReads.json(codec, new JsonForm(f, o, field), state, f, v, field);
    }

    /** Appends {@code s} as a JSON string. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
