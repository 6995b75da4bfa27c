package org.streamml.ml.linalg;

import java.util.Arrays;
import org.streamml.streaming.io.Quote;

/**
 * The parser behind {@link Vectors#parse}: Spark MLlib's text forms of a vector, {@code [1.0,2.0]} (dense)
 * and {@code (3,[0,2],[1.0,3.0])} (sparse: size, indices, values), with any whitespace between tokens.
 * Every failure is an {@code IllegalArgumentException} that quotes the text and names the rule broken
 * and, for a syntax error, the 1-based character where it was found.
 */
final class VectorParser {
    private final String text;
    private int at;

    private VectorParser(String text) {
        this.text = text;
    }

    static Vector parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("cannot parse a vector from null");
        }
        VectorParser p = new VectorParser(text);
        Vector v;
        try {
            v = p.vector();
            p.skipSpace();
            if (p.at < text.length()) {
                throw p.error("expected the end of the vector after its closing bracket");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot parse a vector from " + Quote.of(text) + ": " + e.getMessage(), e);
        }
        return v;
    }

    private Vector vector() {
        skipSpace();
        if (at >= text.length()) {
            throw new IllegalArgumentException("empty text; expected [x1,x2,...] (dense) or (size,[i1,...],[x1,...])"
                    + " (sparse)");
        }
        char c = text.charAt(at);
        if (c == '[') {
            return DenseVector.wrap(array());
        }
        if (c == '(') {
            return sparse();
        }
        throw error("expected '[' (a dense vector) or '(' (a sparse vector)");
    }

    private SparseVector sparse() {
        expect('(');
        int size = integer(number(), "size");
        expect(',');
        double[] rawIndices = array();
        expect(',');
        double[] values = array();
        expect(')');
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0: " + size);
        }
        int[] indices = new int[rawIndices.length];
        for (int k = 0; k < indices.length; k++) {
            indices[k] = integer(rawIndices[k], "index");
        }
        return new SparseVector(size, indices, values);
    }

    /** {@code [x1,...,xn]}, possibly empty. */
    private double[] array() {
        expect('[');
        double[] out = new double[8];
        int n = 0;
        skipSpace();
        if (peek() == ']') {
            at++;
            return new double[0];
        }
        while (true) {
            if (n == out.length) {
                out = Arrays.copyOf(out, 2 * n);
            }
            out[n++] = number();
            skipSpace();
            char c = peek();
            if (c == ']') {
                at++;
                return Arrays.copyOf(out, n);
            }
            if (c != ',') {
                throw error("expected ',' or ']' after a number");
            }
            at++;
        }
    }

    private double number() {
        skipSpace();
        int start = at;
        while (at < text.length() && "()[],".indexOf(text.charAt(at)) < 0 && !Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        String token = text.substring(start, at);
        if (token.isEmpty()) {
            at = start;
            throw error("expected a number");
        }
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number at character " + (start + 1) + ": " + Quote.of(token));
        }
    }

    private static int integer(double x, String what) {
        if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be an integer: " + x);
        }
        return (int) x;
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String rule) {
        String found = at < text.length() ? "found " + Quote.of(String.valueOf(text.charAt(at))) : "found the end of the text";
        return new IllegalArgumentException(rule + " at character " + (at + 1) + ", " + found);
    }
}
