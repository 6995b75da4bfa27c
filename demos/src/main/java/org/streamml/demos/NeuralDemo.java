package org.streamml.demos;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.streamml.datasets.generators.NeuralGenerator;
import org.streamml.datasets.generators.NeuralSample;
import org.streamml.datasets.generators.Neuron;
import org.streamml.ml.evaluation.AdjustedRandIndex;
import org.streamml.ml.linalg.DenseVector;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.streaming.DecayUnit;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.streaming.Batch;
import org.streamml.streaming.Checkpointed;
import org.streamml.streaming.Clock;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.ExecutorSettings;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.Time;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.live.LiveLines;
import org.streamml.viz.live.LiveNeural;

/**
 * The neural demo: a simulated light-sheet recording ({@link NeuralGenerator}: neurons in functional groups,
 * each group firing while its stimulus is shown) streamed frame by frame, one second of frames per batch.
 * The engine keeps each neuron's recent fluorescence with {@code updateStateByKey}; once the window spans a
 * whole cycle of stimuli, each batch turns every neuron's window into its response profile (mean removed, unit
 * length) and updates a {@link StreamingKMeans} with one center per group (seeded from the first profiles by
 * farthest-point selection, then forgetting old batches with a half-life). The neurons' clusters are scored
 * against the true groups with the {@link AdjustedRandIndex} every batch; a live heatmap of the activity with
 * each cluster's mean trace, and the index per batch, are charted.
 */
public final class NeuralDemo implements Demo {
    /** The demo's name: its charts go to {@code demo-out/neural} by default. */
    public static final String NAME = "neural";
    /** The batch interval: one second of the recording. */
    public static final Duration BATCH = Duration.ofSeconds(1);
    /** The batches run unless {@code --batches} says otherwise: one minute of the recording. */
    public static final int DEFAULT_BATCHES = 60;
    /** The half-life of the clustering's memory, in batches. */
    public static final double HALF_LIFE_BATCHES = 5;

    /**
     * What a run found.
     *
     * @param ariByBatch the adjusted Rand index of each batch that clustered (windows full), in order
     * @param firstClusteredBatch the 1-based batch of the first index
     * @param clusters the final cluster of each neuron
     * @param groups the true group of each neuron
     * @param batches the batches run
     * @param records the fluorescence samples streamed
     * @param windowFrames the frames of each neuron's response profile
     */
    public record Result(List<Double> ariByBatch, int firstClusteredBatch, int[] clusters, int[] groups,
                         int batches, long records, int windowFrames) {
        /** The index after the last batch, or NaN if no batch clustered. */
        public double finalAri() {
            return ariByBatch.isEmpty() ? Double.NaN : ariByBatch.get(ariByBatch.size() - 1);
        }
    }

    @Override
    public String description() {
        return "streaming k-means groups simulated neurons by their response; adjusted Rand index per batch";
    }

    @Override
    public int defaultBatches() {
        return DEFAULT_BATCHES;
    }

    @Override
    public int run(DemoSettings settings, PrintWriter out) throws Exception {
        printSummary(execute(settings, out), out);
        return 0;
    }

    /** The generator a run replays: the default recording, seeded by the settings. */
    public static NeuralGenerator generator(DemoSettings settings, int frames) {
        NeuralGenerator.Options o = NeuralGenerator.Options.defaults();
        return new NeuralGenerator(o, settings.seed(), (long) frames * o.neurons());
    }

    /** Streams the recording, printing the index of every batch to {@code out}, and returns what it found. */
    public Result execute(DemoSettings settings, PrintWriter out) throws InterruptedException {
        NeuralGenerator.Options o = NeuralGenerator.Options.defaults();
        int framesPerBatch = (int) Math.round(o.frameRate() * BATCH.toMillis() / 1000.0);
        int batches = settings.batchesFor(BATCH.toMillis());
        NeuralGenerator generator = generator(settings, batches * framesPerBatch);
        int neurons = o.neurons();
        int window = (o.stimulusFrames() + o.restFrames()) * o.groups();
        int[] groups = new int[neurons];
        for (Neuron n : generator.neurons()) {
            groups[n.id()] = n.group();
        }
        StreamingKMeans kmeans = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(o.groups())
                .withHalfLife(HALF_LIFE_BATCHES, DecayUnit.BATCHES));
        AtomicBoolean seeded = new AtomicBoolean();
        List<Double> ari = new ArrayList<>();
        List<Integer> ariBatches = new ArrayList<>();
        int[] clusters = new int[neurons];
        int[] first = {0};
        int[] done = {0};
        Clock clock = settings.realTime() ? Clock.system() : new FastForwardClock();
        try (DemoCharts charts = DemoCharts.open(settings, NAME, 1000, 600, 10);
             StreamingContext ssc = settings.newContext(settings.onMaster(StreamingContext.Options.defaults()
                     .withBatchInterval(BATCH).withClock(clock).withDefaultPartitions(settings.partitions()),
                     Math.min(settings.partitions(), Runtime.getRuntime().availableProcessors()),
                     ExecutorSettings.defaults().withWireTypes(NeuronWindow.class)))) {
            charts.dashboardUri().ifPresent(u -> out.println("Live dashboard: " + u));
            charts.attachBatchMetrics(ssc);
            out.printf("Streaming %d neurons in %d groups at %.0f frames/s, %d frames per batch; profiles span %d"
                    + " frames; charts in %s%n", neurons, o.groups(), o.frameRate(), framesPerBatch, window,
                    charts.dir());
            out.flush();
            LiveNeural activity = charts.add(new LiveNeural("neural-activity", new ChartText(
                    "Fluorescence of each neuron (heatmap) and mean trace of each k-means cluster", "seconds",
                    "neuron"), neurons, 300));
            LiveLines score = charts.add(LiveLines.metrics("neural-ari",
                    "Neural: adjusted Rand index of the k-means clusters against the true groups, per batch",
                    List.of("adjusted Rand index"), 10_000));
            DStream<NeuralSample> samples = ssc.fromIterable(generator, neurons * framesPerBatch);
            activity.attach(samples, (b, t) -> appendFrames(activity, b.collect(), neurons, o.frameRate()));
            PairDStream<Integer, NeuronWindow> windows = samples.mapToPair(s -> Pair.of(s.neuron(), s))
                    .updateStateByKey((values, state) -> NeuronWindow.slide(values, state, window));
            windows.foreachBatch((b, t) -> {
                done[0]++;
                int[] predicted = cluster(kmeans, seeded, b, t, neurons);
                if (predicted == null) {
                    return;
                }
                System.arraycopy(predicted, 0, clusters, 0, neurons);
                double index = AdjustedRandIndex.of(predicted, groups);
                ari.add(index);
                ariBatches.add(done[0]);
                if (first[0] == 0) {
                    first[0] = done[0];
                }
                activity.setClusters(predicted);
                score.append(done[0], index);
                score.publish();
                // t is the time since the stream's start (a duration, whatever the clock); a real-time run also
                // says when the batch ran, as a date, never as seconds since 1970
                out.printf("batch %3d  t=%5.1f s  adjusted Rand index %.3f  cluster sizes %s%s%n", done[0],
                        (t.millis() - ssc.zeroTime().millis()) / 1000.0, index,
                        Arrays.toString(AdjustedRandIndex.sizes(predicted, o.groups())),
                        settings.realTime() ? "  at " + java.time.Instant.ofEpochMilli(t.millis()) : "");
                out.flush();
            });
            // k-means is updated by the output above, not trainOn: registered here so checkpoints hold its model
            ssc.registerCheckpointed(kmeans);
            ssc.registerCheckpointed(Checkpointed.of("NeuralDemo results", () -> new Progress(done[0], first[0],
                    seeded.get(), clusters.clone(), List.copyOf(ari), List.copyOf(ariBatches)), state -> {
                        Progress p = (Progress) state;
                        done[0] = p.batches();
                        first[0] = p.firstClustered();
                        seeded.set(p.seeded());
                        System.arraycopy(p.clusters(), 0, clusters, 0, neurons);
                        ari.addAll(p.ari());
                        ariBatches.addAll(p.ariBatches());
                        for (int i = 0; i < ari.size(); i++) {
                            score.append(ariBatches.get(i), ari.get(i));
                        }
                        score.publish();
                        if (!ari.isEmpty()) {
                            activity.setClusters(clusters.clone());
                        }
                    }));
            settings.start(ssc, out);
            ssc.awaitTermination();
        }
        return new Result(List.copyOf(ari), first[0], clusters, groups, done[0], (long) done[0] * framesPerBatch
                * neurons, window);
    }

    /**
     * What a checkpoint keeps of the demo's results (the windows are in it as state, the model as a learner).
     *
     * @param batches the batches run
     * @param firstClustered the first batch that was clustered, 0 for none yet
     * @param seeded whether k-means has its initial centers
     * @param clusters the latest cluster of every neuron
     * @param ari the adjusted Rand index of every clustered batch
     * @param ariBatches the batch of each of them
     */
    record Progress(int batches, int firstClustered, boolean seeded, int[] clusters, List<Double> ari,
                    List<Integer> ariBatches) {
    }

    private static void appendFrames(LiveNeural chart, List<NeuralSample> samples, int neurons, double frameRate) {
        long firstFrame = Long.MAX_VALUE;
        long lastFrame = Long.MIN_VALUE;
        for (NeuralSample s : samples) {
            firstFrame = Math.min(firstFrame, s.frame());
            lastFrame = Math.max(lastFrame, s.frame());
        }
        if (samples.isEmpty()) {
            return;
        }
        double[][] frames = new double[(int) (lastFrame - firstFrame + 1)][neurons];
        for (NeuralSample s : samples) {
            frames[(int) (s.frame() - firstFrame)][s.neuron()] = s.fluorescence();
        }
        for (int f = 0; f < frames.length; f++) {
            chart.append((firstFrame + f) / frameRate, frames[f]);
        }
    }

    /**
     * One clustering step: the profiles of the neurons whose windows are full update the k-means model, which
     * then assigns every neuron; {@code null} while some window is still filling.
     */
    private static int[] cluster(StreamingKMeans kmeans, AtomicBoolean seeded,
                                 Batch<Pair<Integer, NeuronWindow>> states, Time time, int neurons) {
        List<Pair<Integer, NeuronWindow>> all = states.collect();
        if (all.size() < neurons || !all.stream().allMatch(kv -> kv.value().full())) {
            return null;
        }
        Batch<Vector> profiles = states.map(kv -> (Vector) DenseVector.wrap(kv.value().profile()));
        if (seeded.compareAndSet(false, true)) {
            kmeans.setInitialCenters(farthestPoints(all, kmeans.options().k()), new double[kmeans.options().k()]);
        }
        kmeans.update(profiles, time);
        KMeansModel model = kmeans.latestModel();
        int[] predicted = new int[neurons];
        for (Pair<Integer, NeuronWindow> kv : all) {
            predicted[kv.key()] = model.predict(kv.value().profile());
        }
        return predicted;
    }

    /**
     * {@code k} seeds for k-means: the profile of the lowest-numbered neuron, then repeatedly the profile
     * farthest from the seeds chosen so far (ties to the lower neuron), which picks one neuron of each
     * well-separated group.
     */
    static double[][] farthestPoints(List<Pair<Integer, NeuronWindow>> states, int k) {
        List<Pair<Integer, NeuronWindow>> byNeuron = new ArrayList<>(states);
        byNeuron.sort((x, y) -> Integer.compare(x.key(), y.key()));
        double[][] profiles = new double[byNeuron.size()][];
        for (int i = 0; i < profiles.length; i++) {
            profiles[i] = byNeuron.get(i).value().profile();
        }
        double[][] seeds = new double[k][];
        double[] nearest = new double[profiles.length];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int pick = 0;
        for (int c = 0; c < k; c++) {
            seeds[c] = profiles[pick].clone();
            int next = 0;
            for (int i = 0; i < profiles.length; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(profiles[i], seeds[c]));
                if (nearest[i] > nearest[next]) {
                    next = i;
                }
            }
            pick = next;
        }
        return seeds;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            double e = a[i] - b[i];
            d += e * e;
        }
        return d;
    }

    private static void printSummary(Result r, PrintWriter out) {
        out.println();
        out.println("Summary");
        out.printf("  batches: %d of %d s, samples: %,d, profiles of %d frames%n", r.batches(), BATCH.toMillis() / 1000,
                r.records(), r.windowFrames());
        if (r.ariByBatch().isEmpty()) {
            out.println("  no clustering yet: the profiles need " + r.windowFrames() + " frames; run more batches");
        } else {
            double mean = r.ariByBatch().stream().mapToDouble(Double::doubleValue).average().getAsDouble();
            out.printf("  adjusted Rand index against the true groups: final %.3f, mean %.3f over %d batches from"
                    + " batch %d%n", r.finalAri(), mean, r.ariByBatch().size(), r.firstClusteredBatch());
            out.println("  final cluster sizes: " + Arrays.toString(AdjustedRandIndex.sizes(r.clusters(),
                    Arrays.stream(r.clusters()).max().orElse(0) + 1)));
        }
        out.flush();
    }
}
