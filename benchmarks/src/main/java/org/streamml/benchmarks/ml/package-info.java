/**
 * JMH benchmarks of the streaming learners through the engine: one 10,000-record in-memory batch per
 * operation, d = 10, two partitions, Spark's default settings.
 */
package org.streamml.benchmarks.ml;
