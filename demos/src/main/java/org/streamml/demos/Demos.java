package org.streamml.demos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The demos by name, in the order the help lists them. Add a demo with one line here. */
public final class Demos {
    /** The demo that {@code streamml demo} runs without a name. */
    public static final String DEFAULT = SensorsDemo.NAME;

    private static final Map<String, Demo> ALL;

    static {
        Map<String, Demo> m = new LinkedHashMap<>();
        m.put(SensorsDemo.NAME, new SensorsDemo());
        m.put(FraudDemo.NAME, new FraudDemo());
        m.put(NeuralDemo.NAME, new NeuralDemo());
        m.put("hashtags", new HashtagsDemo());
        m.put(DriftDemo.NAME, new DriftDemo());
        ALL = Collections.unmodifiableMap(m);
    }

    private Demos() {
    }

    /** Every demo by name. */
    public static Map<String, Demo> all() {
        return ALL;
    }

    /**
     * The demo called {@code name}.
     *
     * @throws IllegalArgumentException naming the known demos if there is none
     */
    public static Demo named(String name) {
        Demo d = ALL.get(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown demo '" + name + "'; choose one of: "
                    + String.join(", ", ALL.keySet()));
        }
        return d;
    }
}
