/**
 * Where live charts go: a Swing window, PNG/SVG files, and the coalescing frame worker they share, which
 * renders on its own thread so that a slow sink skips frames and never blocks the engine.
 */
package org.streamml.viz.sink;
