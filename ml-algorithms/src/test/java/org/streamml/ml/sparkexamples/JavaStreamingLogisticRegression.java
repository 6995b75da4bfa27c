package org.streamml.ml.sparkexamples;

import java.time.Duration;
import org.streamml.ml.LabeledPoint;
import org.streamml.ml.linalg.Vectors;
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD;
import org.streamml.streaming.DStream;
import org.streamml.streaming.Pair;
import org.streamml.streaming.StreamingContext;

/**
 * Java port of Spark's {@code examples/src/main/scala/org/apache/spark/examples/mllib/StreamingLogisticRegression.scala}
 * (Spark ships no Java version). Apart from the imports, the differences from Spark are in the engine's
 * API: {@link Pair#of} stands for {@code new Tuple2<>(..)}
 * and the context is built from a {@link Duration}. {@link #build} is the body between creating and
 * starting the context, so a test can run it on a context with a manual clock.
 *
 * <p>Usage: {@code JavaStreamingLogisticRegression <trainingDir> <testDir> <batchDuration> <numFeatures>};
 * lines are labeled points {@code (y,[x1,...,xn])} with y 0 or 1.
 */
public final class JavaStreamingLogisticRegression {
    private JavaStreamingLogisticRegression() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 4) {
            System.err.println(
                    "Usage: JavaStreamingLogisticRegression <trainingDir> <testDir> <batchDuration> <numFeatures>");
            System.exit(1);
        }
        StreamingContext ssc = new StreamingContext(Duration.ofSeconds(Long.parseLong(args[2])));
        build(ssc, args);
        ssc.start();
        ssc.awaitTermination();
    }

    /** The streams and the learner of the example, on {@code ssc}; returns the learner. */
    public static StreamingLogisticRegressionWithSGD build(StreamingContext ssc, String[] args) {
        DStream<LabeledPoint> trainingData = ssc.textFileStream(args[0]).map(LabeledPoint::parse).cache();
        DStream<LabeledPoint> testData = ssc.textFileStream(args[1]).map(LabeledPoint::parse);

        StreamingLogisticRegressionWithSGD model = new StreamingLogisticRegressionWithSGD()
                .setInitialWeights(Vectors.zeros(Integer.parseInt(args[3])));

        model.trainOn(trainingData);
        model.predictOnValues(testData.mapToPair(lp -> Pair.of(lp.label(), lp.features()))).print();
        return model;
    }
}
