/**
 * Drift adaptation for the streaming learners: {@link org.streamml.ml.drift.adaptation.AdaptiveLearner} scores
 * each batch before training on it, feeds the per-record errors to a drift detector and, on a detection, resets,
 * restores, forgets faster or swaps in a background model ({@link org.streamml.ml.drift.adaptation.DriftPolicy}).
 */
package org.streamml.ml.drift.adaptation;
