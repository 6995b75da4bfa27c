package org.streamml.datasets.io;

/**
 * Parses decimal numbers from a character range without allocating. The accepted form is
 * {@code [+-]digits[.digits][(e|E)[+-]digits]} (or {@code .digits}); anything else is rejected, including
 * Java's {@code 1f}, {@code 1d} and hexadecimal forms. Short numbers take Clinger's exact fast path
 * (a mantissa below 2^53 times or divided by a power of ten up to 10^22, each exactly representable, so
 * one correctly rounded operation); the rest go to {@link Double#parseDouble}, so every result is the
 * correctly rounded double.
 */
final class NumberParser {
    /** Returned for text that is not a number in the accepted form. */
    static final double INVALID = Double.NaN;

    private static final double[] POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final long MAX_EXACT = 1L << 53;

    private NumberParser() {
    }

    /**
     * The number in {@code b[from, to)}, or {@link #INVALID} (NaN) when the text is not in the accepted
     * form. A valid text never gives NaN; a huge one gives an infinity.
     */
    static double parse(char[] b, int from, int to) {
        int i = from;
        if (i >= to) {
            return INVALID;
        }
        boolean negative = b[i] == '-';
        if (b[i] == '-' || b[i] == '+') {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int scale = 0;
        boolean exact = true;
        for (; i < to && isDigit(b[i]); i++, digits++) {
            if (significant < 18) {
                mantissa = mantissa * 10 + (b[i] - '0');
                if (mantissa != 0) {
                    significant++;
                }
            } else {
                exact = false;
            }
        }
        if (i < to && b[i] == '.') {
            i++;
            for (; i < to && isDigit(b[i]); i++, digits++) {
                if (significant < 18) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    scale--;
                    if (mantissa != 0) {
                        significant++;
                    }
                } else {
                    exact = false;
                }
            }
        }
        if (digits == 0) {
            return INVALID;
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negExp = i < to && b[i] == '-';
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            int expStart = i;
            int exp = 0;
            for (; i < to && isDigit(b[i]); i++) {
                exp = exp < 100_000 ? exp * 10 + (b[i] - '0') : exp;
            }
            if (i == expStart) {
                return INVALID;
            }
            scale += negExp ? -exp : exp;
        }
        if (i != to) {
            return INVALID;
        }
        if (exact && mantissa < MAX_EXACT && scale >= -22 && scale <= 22) {
            double m = mantissa;
            double v = scale >= 0 ? m * POWERS[scale] : m / POWERS[-scale];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(b, from, to - from));
    }

    /** Whether {@code b[from, to)} names a non-finite value ({@code NaN}, {@code inf}, {@code Infinity}). */
    static boolean isNonFiniteWord(char[] b, int from, int to) {
        String s = new String(b, from, to - from).toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("-") || s.startsWith("+")) {
            s = s.substring(1);
        }
        return s.equals("nan") || s.equals("inf") || s.equals("infinity");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
