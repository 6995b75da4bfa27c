/** Seeded data generators, streaming loaders for CSV, LibSVM and NAB files, and replayable sources. */
package org.streamml.datasets;
