/**
 * Concept-drift detectors for one stream of numbers (a model's 0/1 errors, its losses, any monitored value):
 * {@link org.streamml.ml.drift.DriftDetector} is the one-value-at-a-time API, with ADWIN, DDM, EDDM,
 * Page-Hinkley and KSWIN behind it. Allocation-free per value, seeded where random, exactly checkpointable.
 */
package org.streamml.ml.drift;
