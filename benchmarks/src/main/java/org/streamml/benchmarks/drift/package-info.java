/** JMH benchmarks of the concept-drift detectors' per-value work. */
package org.streamml.benchmarks.drift;
