/** Benchmarks of the live charts: what attaching a chart costs the engine. */
package org.streamml.benchmarks.viz;
