package org.streamml.streaming;

/**
 * The check, at {@link StreamingContext#start()}, that the executor can ship every function that runs
 * in partition tasks, so that a closure capturing something unserializable fails before the first batch
 * with the name of its operation instead of in the middle of the stream. {@code transform} functions run
 * on the driver and are not checked (the batch operations they call are checked when they run).
 */
final class ShippableFunctions {
    private ShippableFunctions() {
    }

    /** Asks {@code executor} to check the function of every per-batch transformation of {@code graph}. */
    static void check(DStreamGraph graph, BatchExecutor executor) {
        for (DStream<?> s : graph.streams()) {
            if (s instanceof TransformedDStream<?, ?> t && !s.describe().startsWith("transform#")) {
                executor.checkShippable(s.describe(), t.function());
            } else if (s instanceof StateDStream<?, ?, ?> st) {
                executor.checkShippable(s.describe(), st.update());
            } else if (s instanceof ReducedWindowedDStream<?, ?> rw) {
                executor.checkShippable(s.describe(), rw.functions());
            } else if (s instanceof MapWithStateDStream<?, ?, ?, ?> mws) {
                executor.checkShippable(s.describe(), mws.function());
            }
        }
    }
}
