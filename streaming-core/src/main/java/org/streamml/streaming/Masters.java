package org.streamml.streaming;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Predicate;

/**
 * Executors by {@code --master} string: the one {@link ExecutorProvider} on the class path that accepts
 * the master creates it. A master no provider accepts gets an error listing every known form and the
 * module that provides it, including the well-known modules that are not on the class path, so a user
 * learns which dependency to add.
 *
 * <pre>{@code
 * try (BatchExecutor executor = Masters.create("local-cluster[2]", ExecutorSettings.defaults())) { ... }
 * // or let a context create and close it:
 * new StreamingContext(StreamingContext.Options.defaults().withMaster("local[4]"));
 * }</pre>
 */
public final class Masters {

    /** A module of this project that provides executors, named in messages even when it is absent. */
    private record WellKnown(String module, List<String> forms, Predicate<String> scheme) {
    }

    private static final List<WellKnown> WELL_KNOWN = List.of(
            new WellKnown("streaming-core", List.of("local", "local[N]", "local[*]"),
                    m -> m.equals("local") || m.startsWith("local[")),
            new WellKnown("streaming-cluster", List.of("local-cluster[N]", "local-cluster[N,C]", "cluster://HOST:PORT"),
                    m -> m.startsWith("local-cluster[") || m.startsWith("cluster://")),
            new WellKnown("streaming-spark", List.of("spark://HOST:PORT", "spark-local[N]"),
                    m -> m.startsWith("spark://") || m.startsWith("spark-local[")));

    private Masters() {
    }

    /** A new executor for {@code master} with no program wire types and the default secret. */
    public static BatchExecutor create(String master) {
        return create(master, ExecutorSettings.defaults());
    }

    /**
     * A new executor for {@code master}, created by the provider that accepts it; the caller closes it.
     *
     * @throws IllegalArgumentException if no provider accepts {@code master} (the message lists the known
     *         forms by module) or the provider finds it malformed
     */
    public static BatchExecutor create(String master, ExecutorSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return provider(master).create(master.strip(), settings);
    }

    /**
     * The provider that accepts {@code master}.
     *
     * @throws IllegalArgumentException if none does, listing the known forms by module
     * @throws IllegalStateException if two providers on the class path accept it
     */
    public static ExecutorProvider provider(String master) {
        Objects.requireNonNull(master, "master");
        String m = master.strip();
        List<ExecutorProvider> accepting = new ArrayList<>();
        List<ExecutorProvider> all = providers();
        for (ExecutorProvider p : all) {
            if (p.accepts(m)) {
                accepting.add(p);
            }
        }
        if (accepting.size() > 1) {
            throw new IllegalStateException("master '" + master + "' is accepted by more than one executor provider: "
                    + accepting.stream().map(p -> p.getClass().getName() + " (" + p.module() + ")").toList());
        }
        if (accepting.isEmpty()) {
            throw new IllegalArgumentException(unknown(master, m, all));
        }
        return accepting.get(0);
    }

    /** The providers on the class path, ordered by module and class name. */
    public static List<ExecutorProvider> providers() {
        List<ExecutorProvider> out = new ArrayList<>();
        ServiceLoader.load(ExecutorProvider.class).forEach(out::add);
        out.sort(Comparator.comparing(ExecutorProvider::module).thenComparing(p -> p.getClass().getName()));
        return out;
    }

    /**
     * Every known master form with its module, those on the class path first: {@code "local, local[N],
     * local[*]: module streaming-core; ...; spark://HOST:PORT, spark-local[N]: module streaming-spark (not on
     * the class path)"}.
     */
    public static String knownForms() {
        return knownForms(providers());
    }

    private static String knownForms(List<ExecutorProvider> present) {
        List<String> parts = new ArrayList<>();
        List<String> presentModules = new ArrayList<>();
        for (ExecutorProvider p : present) {
            parts.add(String.join(", ", p.forms()) + ": module " + p.module());
            presentModules.add(p.module());
        }
        for (WellKnown w : WELL_KNOWN) {
            if (!presentModules.contains(w.module())) {
                parts.add(String.join(", ", w.forms()) + ": module " + w.module() + " (not on the class path)");
            }
        }
        return String.join("; ", parts);
    }

    private static String unknown(String master, String stripped, List<ExecutorProvider> present) {
        for (WellKnown w : WELL_KNOWN) {
            if (w.scheme().test(stripped) && present.stream().noneMatch(p -> p.module().equals(w.module()))) {
                return "master '" + master + "' needs module " + w.module() + ", which is not on the class path;"
                        + " known masters: " + knownForms(present);
            }
        }
        return "unknown master '" + master + "'; known masters: " + knownForms(present);
    }
}
