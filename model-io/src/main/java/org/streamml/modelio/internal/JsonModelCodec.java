package org.streamml.modelio.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelFile;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.ModelJson;
import org.streamml.modelio.Provenance;
import org.streamml.modelio.internal.JsonValue.JsonArray;
import org.streamml.modelio.internal.JsonValue.JsonNull;
import org.streamml.modelio.internal.JsonValue.JsonObject;

/**
 * The JSON model file: an object with {@code format}, {@code formatVersion}, {@code type},
 * {@code provenance}, {@code options} and {@code model}, the last being the model's JSON form
 * ({@link ModelJson}). See the module README for an example.
 */
public final class JsonModelCodec {
    /** The value of the {@code format} member. */
    public static final String FORMAT_NAME = "streamml-model";
    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final Set<String> FILE_MEMBERS =
            Set.of("format", "formatVersion", "type", "provenance", "options", "model");
    private static final Set<String> PROVENANCE_MEMBERS =
            Set.of("library", "createdAt", "batchesApplied", "lastBatchTimeMillis");

    private JsonModelCodec() {
    }

    /** The file's text: metadata one member per line, the model on one line. */
    public static String write(ModelFile file) {
        Model m = file.model();
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
        if (version != FORMAT_VERSION) {
            throw f.error(versionValue, "formatVersion", "format version " + version,
                    "format version " + FORMAT_VERSION + " (written by a newer StreamML? upgrade to read it)");
        }
        f.onlyMembers(root, "(root)", FILE_MEMBERS);
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
        JsonValue modelValue = f.member(root, "(root)", "model");
        Model model = readModel(f, modelValue, "model", batches, lastBatch);
        if (!model.type().equals(type)) {
            throw f.error(modelValue, "model.type", "\"" + model.type() + "\"",
                    "the file's type \"" + type + "\"");
        }
        return new ModelFile(model, options, new Provenance(library, createdAt));
    }

    /** Reads a model's JSON form alone (a trace line's {@code model} object), version 0. */
    public static Model readModel(String text, String source) throws ModelFormatException {
        return readModel(new JsonFields(source), parse(text, source), "model", 0, Model.NO_BATCH);
    }

    private static JsonValue parse(String text, String source) throws ModelFormatException {
        try {
            return JsonParser.parse(text);
        } catch (JsonParser.JsonSyntaxException e) {
            throw new ModelFormatException(source, source + ": " + e.getMessage(), e);
        }
    }

    private static Model readModel(JsonFields f, JsonValue v, String field, long version, long lastBatch)
            throws ModelFormatException {
        JsonObject o = f.object(v, field);
        JsonValue typeValue = f.member(o, field, "type");
        String type = f.string(typeValue, field + ".type");
        switch (type) {
            case LinearRegressionModel.TYPE: {
                f.onlyMembers(o, field, Set.of("type", "weights", "intercept"));
                double[] w = f.doubles(f.member(o, field, "weights"), field + ".weights", -1, "");
                double b = f.finite(f.member(o, field, "intercept"), field + ".intercept");
                return new LinearRegressionModel(w, b, version, lastBatch);
            }
            case LogisticRegressionModel.TYPE: {
                f.onlyMembers(o, field, Set.of("type", "weights", "intercept", "threshold"));
                double[] w = f.doubles(f.member(o, field, "weights"), field + ".weights", -1, "");
                double b = f.finite(f.member(o, field, "intercept"), field + ".intercept");
                JsonValue tv = f.member(o, field, "threshold");
                OptionalDouble t = OptionalDouble.empty();
                if (!(tv instanceof JsonNull)) {
                    double x = f.finite(tv, field + ".threshold");
                    if (!(x >= 0 && x <= 1)) {
                        throw f.error(tv, field + ".threshold", String.valueOf(x), "a threshold in [0, 1] or null");
                    }
                    t = OptionalDouble.of(x);
                }
                return new LogisticRegressionModel(w, b, t, version, lastBatch);
            }
            case KMeansModel.TYPE:
                f.onlyMembers(o, field, Set.of("type", "centers", "weights"));
                return readKMeans(f, o, field, version, lastBatch);
            default:
                throw f.error(typeValue, field + ".type", "\"" + type + "\"", "\"" + LinearRegressionModel.TYPE
                        + "\", \"" + LogisticRegressionModel.TYPE + "\" or \"" + KMeansModel.TYPE + "\"");
        }
    }

    private static Model readKMeans(JsonFields f, JsonObject o, String field, long version, long lastBatch)
            throws ModelFormatException {
        JsonArray centersValue = f.array(f.member(o, field, "centers"), field + ".centers");
        List<JsonValue> rows = centersValue.elements();
        if (rows.isEmpty()) {
            throw f.error(centersValue, field + ".centers", "no center", "at least one center");
        }
        double[][] centers = new double[rows.size()][];
        for (int j = 0; j < centers.length; j++) {
            centers[j] = f.doubles(rows.get(j), field + ".centers[" + j + "]", j == 0 ? -1 : centers[0].length,
                    "the dimension of center 0");
        }
        double[] weights = f.doubles(f.member(o, field, "weights"), field + ".weights", centers.length,
                "one weight per center");
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] < 0) {
                JsonValue at = f.array(o.members().get("weights"), field + ".weights").elements().get(j);
                throw f.error(at, field + ".weights[" + j + "]", String.valueOf(weights[j]), "a weight >= 0");
            }
        }
        return new KMeansModel(centers, weights, version, lastBatch);
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
