package org.streamml.cli.input;

import java.util.Locale;

/** The layout of an input file. */
public enum InputFormat {
    /** Comma-separated numbers, an optional header line, label in the first column if labelled. */
    CSV,
    /** {@code label index:value ...} with 1-based, strictly increasing indices. */
    LIBSVM;

    /** The format named {@code name} ({@code csv} or {@code libsvm}, any case). */
    public static InputFormat parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "libsvm" -> LIBSVM;
            default -> throw new IllegalArgumentException("unknown input format '" + name + "' (expected csv or libsvm)");
        };
    }
}
