/**
 * Replay of any dataset or file as an engine source, a fixed number of records per batch (as fast as the
 * clock allows) or at a given rate, restartable from any record offset.
 */
package org.streamml.datasets.replay;
