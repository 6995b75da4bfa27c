/** Benchmarks of cluster mode: learners on worker processes against the embedded engine. */
package org.streamml.benchmarks.cluster;
