package org.streamml.modelio.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.streamml.ml.model.Model;

/**
 * The registry of model codecs: every {@link ModelCodec} listed in a
 * {@code META-INF/services/org.streamml.modelio.codec.ModelCodec} file on the class path, loaded once.
 * model-io's own file lists the codecs of linear regression, logistic regression and k-means; a new
 * model type adds its codec to a services file of its own jar. Two codecs with the same type name,
 * model class or binary code are an error when the registry loads.
 *
 * <pre>{@code
 * ModelCodec<KMeansModel> codec = ModelCodecs.forClass(KMeansModel.class);
 * Optional<ModelCodec<?>> byName = ModelCodecs.forType("kmeans");
 * }</pre>
 */
public final class ModelCodecs {
    private static final List<ModelCodec<?>> ALL;
    private static final Map<Class<?>, ModelCodec<?>> BY_CLASS = new HashMap<>();
    private static final Map<String, ModelCodec<?>> BY_TYPE = new HashMap<>();
    private static final Map<Integer, ModelCodec<?>> BY_CODE = new HashMap<>();

    static {
        List<ModelCodec<?>> found = new ArrayList<>();
        for (ModelCodec<?> c : ServiceLoader.load(ModelCodec.class, ModelCodecs.class.getClassLoader())) {
            register(c);
            found.add(c);
        }
        found.sort(Comparator.comparingInt(ModelCodec::binaryCode));
        ALL = Collections.unmodifiableList(found);
    }

    private ModelCodecs() {
    }

    private static void register(ModelCodec<?> c) {
        if (c.binaryCode() < 1) {
            throw new IllegalStateException("model codec " + c.getClass().getName() + " has binary code "
                    + c.binaryCode() + ", expected a code >= 1");
        }
        reject(BY_CLASS.put(c.modelClass(), c), c, "model class " + c.modelClass().getName());
        reject(BY_TYPE.put(c.type(), c), c, "type name \"" + c.type() + "\"");
        reject(BY_CODE.put(c.binaryCode(), c), c, "binary code " + c.binaryCode());
    }

    private static void reject(ModelCodec<?> previous, ModelCodec<?> c, String what) {
        if (previous != null) {
            throw new IllegalStateException("two model codecs for " + what + ": " + previous.getClass().getName()
                    + " and " + c.getClass().getName());
        }
    }

    /** Every registered codec, by binary code. */
    public static List<ModelCodec<?>> all() {
        return ALL;
    }

    /**
     * The codec of models of exactly {@code type}.
     *
     * @throws IllegalArgumentException naming the class when no codec is registered for it
     */
    @SuppressWarnings("unchecked")
    public static <M extends Model> ModelCodec<M> forClass(Class<M> type) {
        ModelCodec<?> c = BY_CLASS.get(type);
        if (c == null) {
            throw new IllegalArgumentException("no model codec for " + type.getName() + ": model-io knows "
                    + describeAll() + "; add a ModelCodec for it and list it in"
                    + " META-INF/services/org.streamml.modelio.codec.ModelCodec (model-io README, 'Adding a model type')");
        }
        return (ModelCodec<M>) c;
    }

    /**
     * The codec of {@code model}'s class.
     *
     * @throws IllegalArgumentException naming the model's type and class when none is registered
     */
    @SuppressWarnings("unchecked")
    public static <M extends Model> ModelCodec<M> forModel(M model) {
        if (!BY_CLASS.containsKey(model.getClass())) {
            throw new IllegalArgumentException("no model codec for model type \"" + model.type() + "\" ("
                    + model.getClass().getName() + "): model-io knows " + describeAll() + "; add a ModelCodec"
                    + " for it and list it in META-INF/services/org.streamml.modelio.codec.ModelCodec"
                    + " (model-io README, 'Adding a model type')");
        }
        return (ModelCodec<M>) BY_CLASS.get(model.getClass());
    }

    /** The codec of the model type named {@code type} in files and traces. */
    public static Optional<ModelCodec<?>> forType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The codec whose binary code is {@code code}. */
    public static Optional<ModelCodec<?>> forBinaryCode(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The registered types for messages: {@code "linear-regression", "logistic-regression" or "kmeans"}. */
    public static String describeTypes() {
        List<String> names = new ArrayList<>();
        for (ModelCodec<?> c : ALL) {
            names.add("\"" + c.type() + "\"");
        }
        return joinOr(names);
    }

    /** The registered binary codes for messages: {@code 1 (linear-regression), 2 (...) or 3 (kmeans)}. */
    public static String describeBinaryCodes() {
        List<String> names = new ArrayList<>();
        for (ModelCodec<?> c : ALL) {
            names.add(c.binaryCode() + " (" + c.type() + ")");
        }
        return joinOr(names);
    }

    private static String describeAll() {
        return ALL.isEmpty() ? "no model type" : describeTypes();
    }

    private static String joinOr(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
