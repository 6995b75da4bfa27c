/** JMH benchmarks of the dataset loaders and generators. */
package org.streamml.benchmarks.datasets;
