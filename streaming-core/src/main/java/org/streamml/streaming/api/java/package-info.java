/**
 * Spark Streaming's Java API over StreamML's engine, for porting: a program written against
 * {@code org.apache.spark.streaming.api.java} ({@link JavaStreamingContext}, {@link JavaDStream},
 * {@link JavaPairDStream}), {@code org.apache.spark.SparkConf} ({@link SparkConf}) and {@code scala.Tuple2}
 * ({@link Tuple2}) runs on StreamML once its imports name these classes instead, together with
 * {@link org.streamml.streaming.Durations} for {@code org.apache.spark.streaming.Durations} and the learners of
 * {@code org.streamml.ml.streaming} for MLlib's.
 *
 * <p>The classes are thin wrappers: each holds the engine's stream ({@link JavaDStream#dstream()}), and
 * everything the wrappers do not cover is there. They cover the calls Spark's streaming examples make; new
 * code should use {@link org.streamml.streaming.DStream} directly.
 */
package org.streamml.streaming.api.java;
