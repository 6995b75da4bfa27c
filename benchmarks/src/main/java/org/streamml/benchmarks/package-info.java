/** JMH benchmarks of the engine, the learners and model files; run {@code java -jar benchmarks/target/benchmarks.jar}. */
package org.streamml.benchmarks;
