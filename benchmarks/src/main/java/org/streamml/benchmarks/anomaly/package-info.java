/** JMH benchmarks of the streaming anomaly detector's per-record work. */
package org.streamml.benchmarks.anomaly;
