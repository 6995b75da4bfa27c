package org.streamml.benchmarks.datasets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;
import org.streamml.datasets.generators.LinearGenerator;
import org.streamml.datasets.io.CsvFile;
import org.streamml.datasets.io.LibSvmFile;
import org.streamml.datasets.io.RecordFile;
import org.streamml.datasets.io.RecordReader;
import org.streamml.ml.LabeledPoint;

/**
 * Reads a whole generated file of {@code rows} labelled points (label and 10 features, written with
 * {@link Double#toString}, about 200 bytes a row) with the streaming CSV or LibSVM loader, one operation
 * per pass. Records per second = rows / the time per operation. The LibSVM file is read with its dimension
 * given, so one pass is one read of the file (without it, the first open adds one scan to find it).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar LoaderBenchmark -f 1 -wi 2 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class LoaderBenchmark {
    static final int DIM = 10;

    /** The loader under test. */
    @Param({"csv", "libsvm"})
    public String format;

    /** Rows in the file. */
    @Param({"1000000"})
    public int rows;

    private Path file;
    private RecordFile<LabeledPoint> loader;

    /** Writes the file once. */
    @Setup(Level.Trial)
    public void writeFile() throws IOException {
        file = Files.createTempFile("streamml-loader-bench", "." + format);
        double[] w = new double[DIM];
        java.util.Arrays.fill(w, 1.5);
        LinearGenerator g = new LinearGenerator(LinearGenerator.Options.defaults().withWeights(w), 1, rows);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder row = new StringBuilder(256);
            for (LabeledPoint p : g) {
                row.setLength(0);
                row.append(p.label());
                for (int i = 0; i < DIM; i++) {
                    if (format.equals("csv")) {
                        row.append(',').append(p.features().get(i));
                    } else {
                        row.append(' ').append(i + 1).append(':').append(p.features().get(i));
                    }
                }
                out.append(row).append('\n');
            }
        }
        loader = format.equals("csv") ? CsvFile.of(file, CsvFile.Options.defaults())
                : LibSvmFile.of(file, LibSvmFile.Options.defaults().withDimension(DIM));
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    /** One full pass over the file. */
    @Benchmark
    public long readAll(Blackhole bh) {
        long n = 0;
        try (RecordReader<LabeledPoint> r = loader.open()) {
            while (r.hasNext()) {
                bh.consume(r.next());
                n++;
            }
        }
        return n;
    }
}
