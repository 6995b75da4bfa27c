package org.streamml.modelio.codec;

import org.streamml.modelio.ModelFormatException;

/**
 * A bounds-checked cursor over the parameters of a binary model file. Every failure is a
 * {@link ModelFormatException} naming the file, the byte offset and the field.
 */
public interface BinaryIn {

    /**
     * A count >= 0 of items of at least {@code itemBytes} bytes each that fit in the bytes left.
     *
     * @param field the field's name for messages ({@code dimension})
     */
    int count(String field, int itemBytes) throws ModelFormatException;

    /** A byte 0 or 1. */
    boolean flag(String field) throws ModelFormatException;

    /** {@code n} finite doubles; a message names element i as {@code field[i]} (just {@code field} when n = 1). */
    double[] doubles(int n, String field) throws ModelFormatException;

    /** The offset of the next byte. */
    int position();

    /** The bytes left in the body. */
    long remaining();

    /** An error at byte {@code offset} of field {@code field}. */
    ModelFormatException error(long offset, String field, String found, String expected);
}
