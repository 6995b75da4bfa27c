/**
 * Seeded, deterministic data generators, sized or unbounded: each is an {@link java.lang.Iterable} whose
 * every pass yields the same records, so it serves directly as a replayable engine source.
 */
package org.streamml.datasets.generators;
