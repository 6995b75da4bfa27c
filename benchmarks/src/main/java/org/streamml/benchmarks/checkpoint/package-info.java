/** The cost of checkpoints: throughput with and without them, and the time to recover a large state. */
package org.streamml.benchmarks.checkpoint;
