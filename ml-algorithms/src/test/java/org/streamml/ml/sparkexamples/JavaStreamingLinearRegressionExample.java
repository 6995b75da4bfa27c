package org.streamml.ml.sparkexamples;

import java.time.Duration;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.streaming.StreamingLinearRegressionWithSGD;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Pair;
import org.streamml.streaming.StreamingContext;

/**
 * Java port of Spark's {@code examples/src/main/scala/org/apache/spark/examples/mllib/StreamingLinearRegressionExample.scala}
 * (Spark ships no Java version), written as a Java Spark user writes it with {@code JavaStreamingContext}.
 * Apart from the imports, the differences from Spark are in the engine's API, not the learner's:
 * {@link Pair#of} stands for {@code new Tuple2<>(..)}, the
 * context is built from a {@link Duration}. {@link #build} is the part between Spark's {@code $example on$} markers, so a test can run it
 * on a context with a manual clock.
 *
 * <p>Usage: {@code JavaStreamingLinearRegressionExample <trainingDir> <testDir>}; lines in either
 * directory are labeled points in {@code LabeledPoint.parse}'s forms, with 3 features.
 */
public final class JavaStreamingLinearRegressionExample {
    private JavaStreamingLinearRegressionExample() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("Usage: JavaStreamingLinearRegressionExample <trainingDir> <testDir>");
            System.exit(1);
        }
        StreamingContext ssc = new StreamingContext(Duration.ofSeconds(1));
        build(ssc, args);
        ssc.start();
        ssc.awaitTermination();
        ssc.stop();
    }

    /** The streams and the learner of the example, on {@code ssc}; returns the learner. */
    public static StreamingLinearRegressionWithSGD build(StreamingContext ssc, String[] args) {
        DStream<LabeledPoint> trainingData = ssc.textFileStream(args[0]).map(LabeledPoint::parse).cache();
        DStream<LabeledPoint> testData = ssc.textFileStream(args[1]).map(LabeledPoint::parse);

        int numFeatures = 3;
        StreamingLinearRegressionWithSGD model = new StreamingLinearRegressionWithSGD()
                .setInitialWeights(Vectors.zeros(numFeatures));

        model.trainOn(trainingData);
        model.predictOnValues(testData.mapToPair(lp -> Pair.of(lp.label(), lp.features()))).print();
        return model;
    }
}
