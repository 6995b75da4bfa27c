package org.streamml.cli;

import java.util.Locale;

/** The learners {@code streamml train} can run. */
enum Algorithm {
    /** Streaming linear regression ({@code linreg}). */
    LINREG,
    /** Streaming logistic regression ({@code logreg}). */
    LOGREG,
    /** Streaming k-means ({@code kmeans}). */
    KMEANS;

    static Algorithm parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "linreg" -> LINREG;
            case "logreg" -> LOGREG;
            case "kmeans" -> KMEANS;
            default -> throw new IllegalArgumentException("unknown algorithm '" + name
                    + "' (expected linreg, logreg or kmeans)");
        };
    }

    /** Whether the input's first column is a label. */
    boolean labelled() {
        return this != KMEANS;
    }
}
