package org.streamml.ml.sparkexamples;

import org.streamml.ml.LabeledPoint; // org.apache.spark.mllib.regression.LabeledPoint
import org.streamml.ml.linalg.Vectors; // org.apache.spark.mllib.linalg.Vectors
import org.streamml.ml.streaming.StreamingLogisticRegressionWithSGD; // org.apache.spark.mllib.classification.StreamingLogisticRegressionWithSGD
import org.streamml.streaming.Durations; // org.apache.spark.streaming.Durations
import org.streamml.streaming.api.java.JavaDStream; // org.apache.spark.streaming.api.java.JavaDStream
import org.streamml.streaming.api.java.JavaStreamingContext; // org.apache.spark.streaming.api.java.JavaStreamingContext
import org.streamml.streaming.api.java.SparkConf; // org.apache.spark.SparkConf
import org.streamml.streaming.api.java.Tuple2; // scala.Tuple2

/**
 * Java port of Spark's {@code examples/src/main/scala/org/apache/spark/examples/mllib/StreamingLogisticRegression.scala}
 * (Spark ships no Java version), written as a Java Spark user writes it with {@code JavaStreamingContext}.
 *
 * <p>The program is Spark's Java API code; only its imports differ from a Spark program's, each naming the
 * StreamML class of the same name (the list above the class, with the Spark import each replaces).
 * {@link #build} is the part between Spark's {@code $example on$} markers, so a test can run it on a context
 * with a manual clock.
 *
 * <p>Usage: {@code JavaStreamingLogisticRegression <trainingDir> <testDir> <batchDuration> <numFeatures>}; lines
 * in either directory are labeled points with labels 0 and 1.
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
        SparkConf conf = new SparkConf().setMaster("local").setAppName("StreamingLogisticRegression");
        JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.seconds(Long.parseLong(args[2])));
        build(ssc, args);
        ssc.start();
        ssc.awaitTermination();
    }

    /** The streams and the learner of the example, on {@code ssc}; returns the learner. */
    public static StreamingLogisticRegressionWithSGD build(JavaStreamingContext ssc, String[] args) {
        JavaDStream<LabeledPoint> trainingData = ssc.textFileStream(args[0]).map(LabeledPoint::parse).cache();
        JavaDStream<LabeledPoint> testData = ssc.textFileStream(args[1]).map(LabeledPoint::parse);

        StreamingLogisticRegressionWithSGD model = new StreamingLogisticRegressionWithSGD()
                .setInitialWeights(Vectors.zeros(Integer.parseInt(args[3])));

        model.trainOn(trainingData);
        model.predictOnValues(testData.mapToPair(lp -> new Tuple2<>(lp.label(), lp.features()))).print();
        return model;
    }
}
