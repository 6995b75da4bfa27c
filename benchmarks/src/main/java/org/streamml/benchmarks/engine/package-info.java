/** JMH benchmarks of the streaming engine's per-batch operations (records per second). */
package org.streamml.benchmarks.engine;
