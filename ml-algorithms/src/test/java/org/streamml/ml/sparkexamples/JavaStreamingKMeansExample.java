package org.streamml.ml.sparkexamples;

import org.streamml.ml.LabeledPoint; // org.apache.spark.mllib.regression.LabeledPoint
import org.streamml.ml.linalg.Vector; // org.apache.spark.mllib.linalg.Vector
import org.streamml.ml.linalg.Vectors; // org.apache.spark.mllib.linalg.Vectors
import org.streamml.ml.streaming.StreamingKMeans; // org.apache.spark.mllib.clustering.StreamingKMeans
import org.streamml.streaming.Durations; // org.apache.spark.streaming.Durations
import org.streamml.streaming.api.java.JavaDStream; // org.apache.spark.streaming.api.java.JavaDStream
import org.streamml.streaming.api.java.JavaStreamingContext; // org.apache.spark.streaming.api.java.JavaStreamingContext
import org.streamml.streaming.api.java.SparkConf; // org.apache.spark.SparkConf
import org.streamml.streaming.api.java.Tuple2; // scala.Tuple2

/**
 * Java port of Spark's {@code examples/src/main/scala/org/apache/spark/examples/mllib/StreamingKMeansExample.scala}
 * (Spark ships no Java version), written as a Java Spark user writes it with {@code JavaStreamingContext}.
 * One call differs from the Scala original, as it would with Spark's classes: Scala's default argument of
 * {@code setRandomCenters} (a random seed) cannot be left out from Java, so the port passes {@link #SEED}.
 *
 * <p>The program is Spark's Java API code; only its imports differ from a Spark program's, each naming the
 * StreamML class of the same name (the list above the class, with the Spark import each replaces).
 * {@link #build} is the part between Spark's {@code $example on$} markers, so a test can run it on a context
 * with a manual clock.
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
        SparkConf conf = new SparkConf().setAppName("StreamingKMeansExample");
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(Long.parseLong(args[2])));
        build(ssc, args);
        ssc.start();
        ssc.awaitTermination();
    }

    /** The streams and the learner of the example, on {@code ssc}; returns the learner. */
    public static StreamingKMeans build(JavaStreamingContext ssc, String[] args) {
        JavaDStream<Vector> trainingData = ssc.textFileStream(args[0]).map(Vectors::parse).cache();
        JavaDStream<LabeledPoint> testData = ssc.textFileStream(args[1]).map(LabeledPoint::parse);

        StreamingKMeans model = new StreamingKMeans()
                .setK(Integer.parseInt(args[3]))
                .setDecayFactor(1.0)
                .setRandomCenters(Integer.parseInt(args[4]), 0.0, SEED);

        model.trainOn(trainingData);
        model.predictOnValues(testData.mapToPair(lp -> new Tuple2<>(lp.label(), lp.features()))).print();
        return model;
    }
}
