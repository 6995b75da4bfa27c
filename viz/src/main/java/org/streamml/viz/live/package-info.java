/**
 * Charts whose data grows while a stream runs: each holds a bounded history that the engine appends to
 * and renders a fresh JFreeChart from a snapshot of it whenever a sink asks.
 */
package org.streamml.viz.live;
