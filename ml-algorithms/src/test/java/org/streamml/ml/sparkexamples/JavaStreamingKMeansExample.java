package org.streamml.ml.sparkexamples;

import java.time.Duration;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vector;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.streaming.StreamingKMeans;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Pair;
import org.streamml.streaming.StreamingContext;

/**
 * Java port of Spark's {@code examples/src/main/scala/org/apache/spark/examples/mllib/StreamingKMeansExample.scala}
 * (Spark ships no Java version). Apart from the imports, the differences from Spark are in the engine's
 * API ({@link Pair#of} stands for {@code new Tuple2<>(..)},
 * the context is built from a {@link Duration}) and the seed of {@code setRandomCenters}: Scala's default
 * argument (a random seed) cannot be left out from Java, with Spark's classes as with these.
 *
 * <p>Usage: {@code JavaStreamingKMeansExample <trainingDir> <testDir> <batchDuration> <numClusters>
 * <numDimensions>}; training lines are vectors {@code [x1,...,xn]}, test lines labeled points
 * {@code (y,[x1,...,xn])}.
 */
public final class JavaStreamingKMeansExample {
    /** The seed of the random initial centers. */
    public static final long SEED = 42L;

    private JavaStreamingKMeansExample() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            System.err.println("Usage: JavaStreamingKMeansExample "
                    + "<trainingDir> <testDir> <batchDuration> <numClusters> <numDimensions>");
            System.exit(1);
        }
        StreamingContext ssc = new StreamingContext(Duration.ofSeconds(Long.parseLong(args[2])));
        build(ssc, args);
        ssc.start();
        ssc.awaitTermination();
    }

    /** The streams and the learner of the example, on {@code ssc}; returns the learner. */
    public static StreamingKMeans build(StreamingContext ssc, String[] args) {
        DStream<Vector> trainingData = ssc.textFileStream(args[0]).map(Vectors::parse).cache();
        DStream<LabeledPoint> testData = ssc.textFileStream(args[1]).map(LabeledPoint::parse);

        StreamingKMeans model = new StreamingKMeans()
                .setK(Integer.parseInt(args[3]))
                .setDecayFactor(1.0)
                .setRandomCenters(Integer.parseInt(args[4]), 0.0, SEED);

        model.trainOn(trainingData);
        model.predictOnValues(testData.mapToPair(lp -> Pair.of(lp.label(), lp.features()))).print();
        return model;
    }
}
