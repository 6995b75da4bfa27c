package org.streamml.ml.drift;

/**
 * A concept-drift detector: feed it a stream's values in order and it says, after each one, whether the
 * distribution behind the stream has changed.
 *
 * <p>Contract: deterministic (a random detector takes a seed in its options), allocation-free per value in
 * steady state, one instance per stream, not thread-safe. What a value means is the detector's: DDM and EDDM
 * read a classifier's errors (1 = wrong, 0 = right), ADWIN, Page-Hinkley and KSWIN any real value. A detector
 * without a warning zone never returns {@link DriftSignal#WARNING}. After {@link DriftSignal#DRIFT} the
 * detector has already adapted (reset, or cut its window) and the next value starts the new concept.
 *
 * <pre>{@code
 * DriftDetector detector = new Adwin(Adwin.Options.defaults());
 * for (int i = 0; i < errors.length; i++) {
 *     if (detector.add(errors[i]) == DriftSignal.DRIFT) {
 *         retrain(i);
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #saveState} and {@link #restoreState} make checkpoints exact: a detector of the same options
 * given a saved state continues bit for bit like the one that saved it.
 */
public interface DriftDetector {
    /**
     * Reads the next value of the stream.
     *
     * @param x the value; finite (DDM and EDDM: 0 or 1)
     * @return what the detector concludes after this value
     * @throws IllegalArgumentException if {@code x} is not a value this detector reads
     */
    DriftSignal add(double x);

    /**
     * The detector's current test statistic, whose meaning each detector documents (ADWIN: the window's
     * mean; DDM: p + s; EDDM: the ratio to the maximum; Page-Hinkley: the cumulative sum; KSWIN: the last
     * p-value). NaN before there is one.
     */
    double statistic();

    /** Forgets everything seen: the detector is as new, with the same options and seed. */
    void reset();

    /** A short name, such as {@code "ADWIN"}. */
    String name();

    /**
     * This detector's whole state, made only of strings, boxed primitives, primitive arrays and lists, so that
     * a checkpoint ({@code org.streamml.streaming.checkpoint.Values}) can write it.
     */
    Object saveState();

    /**
     * Puts back a state {@link #saveState} returned, from a detector of the same kind and options.
     *
     * @throws IllegalArgumentException if {@code state} is not such a state
     */
    void restoreState(Object state);
}
