package org.streamml.ml.model;

/** Shared argument checks of the model constructors. */
final class ModelChecks {
    private ModelChecks() {
    }

    static void checkVersion(long version, long lastBatchTimeMillis) {
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0: " + version);
        }
        if (lastBatchTimeMillis < Model.NO_BATCH) {
            throw new IllegalArgumentException("last batch time must be >= 0 or NO_BATCH: " + lastBatchTimeMillis);
        }
    }

    static void checkEffectiveCount(double effectiveCount) {
        if (!(effectiveCount >= 0)) {
            throw new IllegalArgumentException("effective count must be >= 0: " + effectiveCount);
        }
    }

    static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static void checkDimension(String what, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalArgumentException(what + " has dimension " + actual + ", the model expects " + expected);
        }
    }
}
