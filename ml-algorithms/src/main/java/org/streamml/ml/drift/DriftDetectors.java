package org.streamml.ml.drift;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The detectors by the names the command line and the demos use: {@code adwin}, {@code ddm}, {@code eddm},
 * {@code page-hinkley} and {@code kswin}, each with its default options.
 *
 * <pre>{@code
 * DriftDetector d = DriftDetectors.create("page-hinkley");
 * }</pre>
 */
public final class DriftDetectors {
    private static final Map<String, Supplier<DriftDetector>> FACTORIES = Map.of(
            "adwin", Adwin::new, "ddm", Ddm::new, "eddm", Eddm::new, "page-hinkley", PageHinkley::new,
            "kswin", Kswin::new);
    private static final List<String> NAMES = List.of("adwin", "ddm", "eddm", "page-hinkley", "kswin");

    private DriftDetectors() {
    }

    /** The names, in a fixed order. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * A new detector with default options.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static DriftDetector create(String name) {
        Supplier<DriftDetector> f = FACTORIES.get(name.toLowerCase(Locale.ROOT));
        if (f == null) {
            throw new IllegalArgumentException("unknown drift detector '" + name + "' (expected "
                    + String.join(", ", NAMES) + ")");
        }
        return f.get();
    }

    /** Whether the detector reads only 0/1 values (a classifier's errors): DDM and EDDM. */
    public static boolean readsOnlyZeroOne(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        create(n);
        return n.equals("ddm") || n.equals("eddm");
    }
}
