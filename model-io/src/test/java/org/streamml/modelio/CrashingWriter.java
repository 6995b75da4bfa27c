package org.streamml.modelio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Random;
import org.streamml.ml.model.KMeansModel;
import org.streamml.streaming.io.AtomicFile;

/**
 * The writer process that {@link AtomicWriteCrashTest} kills. {@code stall PATH}: saves model version 1,
 * then starts saving version 2, writes half its bytes into the temporary file, prints
 * {@value #HALF_WRITTEN} and waits to be killed. {@code loop PATH}: saves versions 1, 2, 3, … forever,
 * printing {@code SAVING n} before each.
 */
final class CrashingWriter {
    static final String HALF_WRITTEN = "HALF_WRITTEN";

    private CrashingWriter() {
    }

    /** A k = 1,000, d = 100 model with seeded centers. */
    static KMeansModel bigModel(long version) {
        Random r = new Random(version);
        double[][] centers = new double[1000][100];
        double[] weights = new double[1000];
        for (int j = 0; j < centers.length; j++) {
            for (int i = 0; i < centers[j].length; i++) {
                centers[j][i] = r.nextGaussian();
            }
            weights[j] = r.nextInt(1000);
        }
        return new KMeansModel(centers, weights, version, 1000 * version);
    }

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[1]);
        if (args[0].equals("stall")) {
            ModelIO.save(bigModel(1), path, ModelFormat.BINARY);
            byte[] next = ModelIO.encode(ModelFile.of(bigModel(2)), ModelFormat.BINARY);
            AtomicFile.write(path, (OutputStream out) -> {
                out.write(next, 0, next.length / 2);
                out.flush();
                System.out.println(HALF_WRITTEN);
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the kill; the parent never writes to our input
                }
            });
        } else {
            for (long v = 1; ; v++) {
                System.out.println("SAVING " + v);
                System.out.flush();
                ModelIO.save(bigModel(v), path, ModelFormat.BINARY);
            }
        }
    }
}
