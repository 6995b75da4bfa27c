/**
 * The Numenta Anomaly Benchmark's scoring (Lavin and Ahmad, 2015): anomaly windows, the probationary
 * period, scaled-sigmoid rewards for early detections, application profiles, the threshold optimised over
 * the corpus and the normalised score (null detector 0, perfect detector 100).
 */
package org.streamml.ml.evaluation.nab;
