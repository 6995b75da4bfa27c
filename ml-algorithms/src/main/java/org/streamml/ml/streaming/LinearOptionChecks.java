package org.streamml.ml.streaming;

/** Checks and conversions shared by the linear learners' options. */
final class LinearOptionChecks {
    private LinearOptionChecks() {
    }

    static void checkForgetting(double a) {
        if (!(a >= 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("forgetting factor must be finite and >= 0: " + a);
        }
    }

    /** Spark's half-life conversion, {@code exp(ln(0.5)/h)}, computed the same way. */
    static double halfLifeToFactor(double h) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("half-life must be > 0: " + h);
        }
        return Math.exp(Math.log(0.5) / h);
    }
}
