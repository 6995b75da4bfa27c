package org.streamml.cli.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.streamml.ml.model.Model;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.StreamingListener;

/**
 * The engine's per-batch metrics as Micrometer meters (Prometheus names in brackets):
 * <ul>
 *   <li>{@code streamml.batch.input.records}, a distribution summary of the records each batch took from its
 *       inputs ({@code streamml_batch_input_records_sum} is the records so far, {@code _count} the batches);</li>
 *   <li>{@code streamml.batch.processing}, {@code streamml.batch.scheduling.delay} and
 *       {@code streamml.batch.total.delay}, timers of {@link BatchInfo}'s processing time, scheduling delay and
 *       total delay ({@code streamml_batch_processing_seconds_count}, {@code _sum}, {@code _max});</li>
 *   <li>{@code streamml.batches.completed}, a counter ({@code streamml_batches_completed_total});</li>
 *   <li>{@code streamml.worker.tasks} and {@code streamml.worker.task} (seconds), counters per place a batch's tasks
 *       ran (tag {@code worker}; reported on a cluster only);</li>
 *   <li>{@link #watchModel}: {@code streamml.model.version}, the learner's model version, a gauge;
 *       {@link #watch}: any other gauge, such as a prequential accuracy.</li>
 * </ul>
 * The callbacks run on the engine's scheduler thread and only update meters.
 */
public final class BatchMetrics implements StreamingListener {
    private final MeterRegistry registry;
    private final DistributionSummary inputRecords;
    private final Timer processing;
    private final Timer schedulingDelay;
    private final Timer totalDelay;
    private final Counter batches;

    /** Registers the batch meters in {@code registry}. */
    public BatchMetrics(MeterRegistry registry) {
        this.registry = registry;
        inputRecords = DistributionSummary.builder("streamml.batch.input.records").baseUnit("records")
                .description("records each batch took from its input streams").register(registry);
        processing = Timer.builder("streamml.batch.processing")
                .description("wall time from a batch's input being ready to its last output operation")
                .register(registry);
        schedulingDelay = Timer.builder("streamml.batch.scheduling.delay")
                .description("how long after its batch time a batch started, on the stream's clock")
                .register(registry);
        totalDelay = Timer.builder("streamml.batch.total.delay")
                .description("scheduling delay plus processing time").register(registry);
        batches = Counter.builder("streamml.batches.completed").description("batches completed")
                .register(registry);
    }

    @Override
    public void onBatchCompleted(BatchInfo info) {
        inputRecords.record(info.records());
        processing.record(info.processingNanos(), TimeUnit.NANOSECONDS);
        schedulingDelay.record(info.schedulingDelayMillis(), TimeUnit.MILLISECONDS);
        totalDelay.record(info.totalDelayMillis(), TimeUnit.MILLISECONDS);
        for (BatchExecutor.TaskPlace p : info.places()) {
            Counter.builder("streamml.worker.tasks").tag("worker", p.place())
                    .description("partition tasks a worker completed").register(registry).increment(p.tasks());
            Counter.builder("streamml.worker.task").baseUnit("seconds").tag("worker", p.place())
                    .description("time of the partition tasks a worker completed").register(registry)
                    .increment(p.taskMillis() / 1e3);
        }
        batches.increment();
    }

    /**
     * Publishes the version of the model {@code model} gives ({@code null} or a supplier that throws: no model yet)
     * as the gauge {@code streamml.model.version}; NaN before the first model.
     */
    public BatchMetrics watchModel(Supplier<? extends Model> model) {
        return watch("streamml.model.version", "version of the learner's latest model (batches trained on)", () -> {
            Model m;
            try {
                m = model.get();
            } catch (IllegalStateException noModelYet) {
                return Double.NaN;
            }
            return m == null ? Double.NaN : m.version();
        });
    }

    /** Publishes {@code value} as the gauge {@code name} (a dotted name such as {@code streamml.model.loss}). */
    public BatchMetrics watch(String name, String description, DoubleSupplier value) {
        Gauge.builder(name, value, DoubleSupplier::getAsDouble).description(description).strongReference(true).register(registry);
        return this;
    }
}
