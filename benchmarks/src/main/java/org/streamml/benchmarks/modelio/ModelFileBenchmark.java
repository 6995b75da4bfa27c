package org.streamml.benchmarks.modelio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.Model;
import org.streamml.modelio.ModelFile;
import org.streamml.modelio.ModelFormat;
import org.streamml.modelio.ModelFormatException;
import org.streamml.modelio.ModelIO;

/**
 * Save and load time of a k-means model with k = 1,000 centers of dimension d = 100 (100,000 doubles)
 * in each format: {@code save} is the whole atomic write (encode, temp file, fsync, rename),
 * {@code load} reads the file and decodes it; {@code encode}/{@code decode} are the in-memory parts.
 * The file size of each format is printed at setup. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar ModelFileBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ModelFileBenchmark {
    /** The format under test. */
    @Param({"json", "binary", "pmml"})
    public String format;

    private ModelFormat modelFormat;
    private ModelFile file;
    private byte[] bytes;
    private Path dir;
    private Path saved;
    private Path loaded;

    /** Builds the seeded model and writes the file that {@link #load} reads. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        modelFormat = ModelFormat.fromName(format);
        Random r = new Random(42);
        double[][] centers = new double[1000][100];
        double[] weights = new double[1000];
        for (int j = 0; j < centers.length; j++) {
            for (int i = 0; i < centers[j].length; i++) {
                centers[j][i] = r.nextGaussian() * 10;
            }
            weights[j] = r.nextDouble() * 1000;
        }
        file = ModelFile.of(new KMeansModel(centers, weights, 20, 1_764_072_000_000L));
        bytes = ModelIO.encode(file, modelFormat);
        dir = Files.createTempDirectory("streamml-modelio-bench");
        saved = dir.resolve("saved." + modelFormat.extension());
        loaded = dir.resolve("loaded." + modelFormat.extension());
        ModelIO.save(file, loaded, modelFormat);
        System.out.println("# k-means k=1000 d=100 as " + format + ": " + Files.size(loaded) + " bytes");
    }

    /** Deletes the temporary directory. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** An atomic save: encode, write a temp file, fsync, rename. */
    @Benchmark
    public Path save() throws IOException {
        ModelIO.save(file, saved, modelFormat);
        return saved;
    }

    /** A load: read the file, detect the format, decode and validate. */
    @Benchmark
    public Model load() throws IOException {
        return ModelIO.load(loaded);
    }

    /** Encoding to bytes only. */
    @Benchmark
    public byte[] encode() {
        return ModelIO.encode(file, modelFormat);
    }

    /** Decoding from bytes only. */
    @Benchmark
    public ModelFile decode() throws ModelFormatException {
        return ModelIO.decode(bytes, "bench");
    }
}
