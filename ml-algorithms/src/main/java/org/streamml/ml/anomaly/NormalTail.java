package org.streamml.ml.anomaly;

/**
 * The logarithm of the standard normal upper tail {@code Q(z) = P(Z > z)}, accurate to about 1e-7 relative
 * and free of underflow far in the tail (the Chebyshev fit of erfc from Press et al., Numerical Recipes,
 * section 6.2, evaluated in log space).
 */
final class NormalTail {
    private NormalTail() {
    }

    /** {@code ln Q(z)} for any finite {@code z}. */
    static double logUpperTail(double z) {
        double x = z / Math.sqrt(2.0);
        if (x < 0) {
            return Math.log(1.0 - 0.5 * Math.exp(logErfc(-x)));
        }
        return Math.log(0.5) + logErfc(x);
    }

    /** {@code ln erfc(x)} for {@code x >= 0}. */
    private static double logErfc(double x) {
        double t = 1.0 / (1.0 + 0.5 * x);
        double poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        return Math.log(t) + poly;
    }
}
