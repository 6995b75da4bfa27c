package org.streamml.cli;

import java.util.Locale;

/**
 * What this machine allows, measured the way the learners use it, to put next to their speeds: the memory
 * bandwidth one thread reaches streaming through arrays far larger than the caches (a STREAM-style triad,
 * {@code a[i] = b[i] + s * c[i]}: 24 bytes moved per element), and the floating-point rate of one core
 * (independent fused multiply-add chains, so the adds do not wait on each other; 2 flops each). Both are
 * the best of a few short runs, after a warm-up run for the JIT.
 *
 * @param bandwidthBytesPerSecond bytes per second one thread moves between memory and the core
 * @param flopsPerSecond floating-point operations per second of one core
 */
record MachineLimits(double bandwidthBytesPerSecond, double flopsPerSecond) {
    private static final int TRIAD_ELEMENTS = 1 << 23;   // 3 arrays of 64 MiB: far beyond any cache
    private static final long FMA_STEPS = 50_000_000L;

    /** Measures both limits (about two seconds). */
    static MachineLimits measure() {
        double[] a = new double[TRIAD_ELEMENTS];
        double[] b = new double[TRIAD_ELEMENTS];
        double[] c = new double[TRIAD_ELEMENTS];
        java.util.Arrays.fill(b, 1.5);
        java.util.Arrays.fill(c, 0.25);
        double bestTriad = Double.MAX_VALUE;
        for (int run = 0; run < 6; run++) {
            long t0 = System.nanoTime();
            triad(a, b, c, 1.0 + run);
            bestTriad = run == 0 ? bestTriad : Math.min(bestTriad, System.nanoTime() - t0);
        }
        if (a[TRIAD_ELEMENTS - 1] != 1.5 + 6.0 * 0.25) {
            throw new IllegalStateException("the triad computed " + a[TRIAD_ELEMENTS - 1]);
        }
        double bestFma = Double.MAX_VALUE;
        double sink = 0;
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime();
            sink += fma(FMA_STEPS, 1.0 + run * 1e-9);
            bestFma = run == 0 ? bestFma : Math.min(bestFma, System.nanoTime() - t0);
        }
        if (!Double.isFinite(sink)) {
            throw new IllegalStateException("the FMA chains overflowed");
        }
        return new MachineLimits(24.0 * TRIAD_ELEMENTS / (bestTriad / 1e9), 2.0 * 8 * FMA_STEPS / (bestFma / 1e9));
    }

    private static void triad(double[] a, double[] b, double[] c, double s) {
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + s * c[i];
        }
    }

    /** Eight independent chains of {@code steps} fused multiply-adds each; returns their sum. */
    private static double fma(long steps, double x) {
        double m = 0.999_999_9;
        double s0 = x, s1 = x + 1, s2 = x + 2, s3 = x + 3, s4 = x + 4, s5 = x + 5, s6 = x + 6, s7 = x + 7;
        for (long i = 0; i < steps; i++) {
            s0 = Math.fma(s0, m, 1e-9);
            s1 = Math.fma(s1, m, 1e-9);
            s2 = Math.fma(s2, m, 1e-9);
            s3 = Math.fma(s3, m, 1e-9);
            s4 = Math.fma(s4, m, 1e-9);
            s5 = Math.fma(s5, m, 1e-9);
            s6 = Math.fma(s6, m, 1e-9);
            s7 = Math.fma(s7, m, 1e-9);
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
    }

    /**
     * Records per second that one pass over rows of {@code dim + 1} doubles allows on {@code threads}
     * threads at this bandwidth (an upper bound for any learner that reads every row once per pass).
     */
    double onePassRecordsPerSecond(int dim, int threads) {
        return bandwidthBytesPerSecond * threads / (8.0 * (dim + 1));
    }

    /** One line for the report. */
    String describe(int dim, int threads) {
        return String.format(Locale.ROOT, "limits: memory bandwidth %.1f GB/s (1 thread, triad over 3 x 64 MiB),"
                + " %.1f GFLOP/s (1 core, FMA); one pass over %d doubles a record on %d threads: %.1f M rec/s",
                bandwidthBytesPerSecond / 1e9, flopsPerSecond / 1e9, dim + 1, threads,
                onePassRecordsPerSecond(dim, threads) / 1e6);
    }
}
