package org.streamml.modelio.codec;

import org.streamml.modelio.ModelFormatException;

/**
 * Typed access to the members of a model's JSON form. Every failure is a {@link ModelFormatException}
 * naming the file, the line and column, the field path ({@code model.centers[1][0]}), what was found and
 * what was expected. A member the codec never asks for is rejected as unknown after it has read the form.
 */
public interface JsonIn {

    /** A finite number. */
    double number(String name) throws ModelFormatException;

    /** Whether member {@code name} is present and {@code null}. */
    boolean isNull(String name) throws ModelFormatException;

    /** An array of finite numbers of any length. */
    double[] numbers(String name) throws ModelFormatException;

    /**
     * An array of exactly {@code length} finite numbers.
     *
     * @param lengthRule why that length, for the message ({@code one weight per center})
     */
    double[] numbers(String name, int length, String lengthRule) throws ModelFormatException;

    /**
     * A non-empty array of arrays of finite numbers, all as long as the first.
     *
     * @param rowName what a row is, for messages ({@code center}: "the dimension of center 0")
     */
    double[][] matrix(String name, String rowName) throws ModelFormatException;

    /**
     * An error at member {@code name}, or at its element {@code index} when that is >= 0.
     *
     * @param found what the file holds
     * @param expected what it should hold
     */
    ModelFormatException error(String name, int index, String found, String expected);
}
