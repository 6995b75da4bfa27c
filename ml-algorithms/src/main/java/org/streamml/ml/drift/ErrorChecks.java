package org.streamml.ml.drift;

/** The argument checks the detectors share. */
final class ErrorChecks {
    private ErrorChecks() {
    }

    /** Throws unless {@code x} is 0 or 1, the values an error-rate detector reads. */
    static void checkError(double x) {
        if (x != 0.0 && x != 1.0) {
            throw new IllegalArgumentException("x must be 0 (right) or 1 (wrong): " + x);
        }
    }

    /** Throws unless {@code x} is finite. */
    static void checkFinite(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite: " + x);
        }
    }
}
