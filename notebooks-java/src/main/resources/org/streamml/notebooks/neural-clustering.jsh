// Neural clustering: group simulated neurons by the shape of their response with streaming k-means.
// A light-sheet-like recording (neurons in functional groups, each group firing while its stimulus is shown)
// is cut into sliding windows; each window gives every neuron a response profile, and each window is one
// batch of the stream. Run it with `./streamml notebook neural-clustering`; the chart lands in NOTEBOOK_OUT.
import org.streamml.streaming.*;
import org.streamml.ml.linalg.*;
import org.streamml.ml.model.*;
import org.streamml.ml.streaming.*;
import org.streamml.datasets.generators.*;
import org.streamml.viz.chart.*;
import org.streamml.viz.live.*;
import org.streamml.viz.sink.*;
import java.nio.file.*;
import java.util.*;
import org.streamml.ml.linalg.Vector;

// 60 neurons in 4 groups at 10 frames/s; the stimuli cycle every 240 frames. Record 1,200 frames.
NeuralGenerator.Options options = NeuralGenerator.Options.defaults();
int neurons = options.neurons(), frames = 1_200, window = 240;
NeuralGenerator recording = new NeuralGenerator(options, 11, (long) neurons * frames);
double[][] f = new double[neurons][frames];
for (NeuralSample s : recording) f[s.neuron()][(int) s.frame()] = s.fluorescence();

// A neuron's response profile over frames [from, from + window): mean removed, scaled to unit length, so that
// neurons compare by when they respond, not by their baseline or brightness.
Vector profile(double[] trace, int from) {
    double[] x = Arrays.copyOfRange(trace, from, from + window);
    double mean = Arrays.stream(x).average().orElse(0);
    for (int i = 0; i < x.length; i++) x[i] -= mean;
    double norm = Math.sqrt(Arrays.stream(x).map(v -> v * v).sum());
    for (int i = 0; i < x.length; i++) x[i] /= norm;
    return Vectors.dense(x);
}

// One batch per window position, sliding by 60 frames: the 60 profiles of that window, one after the other.
List<Vector> profilesByWindow = new ArrayList<>();
for (int from = 0; from + window <= frames; from += 60) {
    for (int n = 0; n < neurons; n++) profilesByWindow.add(profile(f[n], from));
}

// Streaming k-means with one center per group, seeded from the first window by farthest-first traversal
// (start from neuron 0's profile, then repeatedly take the profile farthest from the seeds so far), with
// weight 0 so the first batch's means replace them; a half-life of 2 batches lets old windows fade.
double[][] seeds = new double[4][];
seeds[0] = profilesByWindow.get(0).toArray();
for (int c = 1; c < 4; c++) {
    int far = 0;
    double farthest = -1;
    for (int n = 0; n < neurons; n++) {
        double nearest = Double.MAX_VALUE;
        for (int j = 0; j < c; j++) nearest = Math.min(nearest, profilesByWindow.get(n).squaredDistance(seeds[j]));
        if (nearest > farthest) { farthest = nearest; far = n; }
    }
    seeds[c] = profilesByWindow.get(far).toArray();
}
StreamingKMeans kmeans = new StreamingKMeans(StreamingKMeans.Options.defaults().withK(4).
        withHalfLife(2, DecayUnit.BATCHES));
kmeans.setInitialCenters(seeds, new double[4]);

StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults().
        withClock(new FastForwardClock()).withDefaultPartitions(2).withThreads(2));
DStream<Vector> profiles = ssc.fromIterable(profilesByWindow, neurons);
kmeans.trainOn(profiles);
ssc.start();
ssc.awaitTermination();
ssc.close();

// Compare with the truth (neuron i belongs to group i mod 4): a perfect grouping puts each group in a cluster of
// its own, so exactly 4 distinct (cluster, group) pairs appear, using all 4 clusters.
KMeansModel model = kmeans.latestModel();
int[] cluster = new int[neurons];
Set<String> pairs = new TreeSet<>();
for (int n = 0; n < neurons; n++) {
    cluster[n] = model.predict(profile(f[n], frames - window));
    pairs.add(cluster[n] + "->" + recording.neurons().get(n).group());
}
System.out.println("cluster -> group pairs: " + pairs);

// Chart the activity: a heatmap of the neurons and the mean trace of each cluster, over the last window.
LiveNeural chart = new LiveNeural("neural-clusters", new ChartText("Neurons and cluster mean traces", "seconds",
        "neuron"), neurons, window);
for (int t = frames - window; t < frames; t++) {
    double[] column = new double[neurons];
    for (int n = 0; n < neurons; n++) column[n] = f[n][t];
    chart.append(t / options.frameRate(), column);
}
chart.setClusters(cluster);
FileSink files = new FileSink(Path.of(NOTEBOOK_OUT), 1, 1000, 600, EnumSet.of(FileSink.Format.PNG));
files.add(chart);
chart.publish();
files.close();
boolean oneGroupPerCluster = pairs.size() == 4 && Arrays.stream(cluster).distinct().count() == 4;
if (!oneGroupPerCluster) throw new AssertionError("the clusters mix groups: " + pairs);
