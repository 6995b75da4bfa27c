/**
 * JFreeChart charts built from plain data (double arrays and named series), so that any module can draw
 * a stream, a model or a metric without depending on the live sinks.
 */
package org.streamml.viz.chart;
