package org.streamml.ml.drift;

/** What a {@link DriftDetector} concludes from the value it was just given. */
public enum DriftSignal {
    /** The stream looks unchanged. */
    NONE,
    /** The stream may be changing: a detector with a warning zone is in it (start collecting new data). */
    WARNING,
    /** The stream has changed: the detector has signalled and adapted (reset or shrunk its window). */
    DRIFT
}
