/** JMH benchmarks of model files: save and load time of a large k-means model in each format. */
package org.streamml.benchmarks.modelio;
