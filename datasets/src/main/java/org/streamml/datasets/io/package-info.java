/**
 * Streaming loaders for CSV, LibSVM and NAB files: each reads one line at a time, reports a bad record
 * with its file, line and column, and can be replayed from any record offset.
 */
package org.streamml.datasets.io;
