package org.streamml.modelio.codec;

/** Appends little-endian values to the parameters of a binary model file. */
public interface BinaryOut {

    /** A 32-bit integer (a count or a dimension). */
    BinaryOut putInt(int value);

    /** A byte 0 or 1. */
    BinaryOut putFlag(boolean value);

    /** An IEEE-754 double, bit for bit. */
    BinaryOut putDouble(double value);

    /** {@code values.length} doubles, without a count. Not modified. */
    BinaryOut putDoubles(double[] values);
}
