package org.streamml.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class NumberParserTest {

    private static double parse(String s) {
        return NumberParser.parse(s.toCharArray(), 0, s.length());
    }

    @Property(tries = 2000)
    void shouldAgreeWithJavaOnEveryDoubleItPrints(@ForAll double x) {
        String s = Double.toString(x);
        if (Double.isFinite(x)) {
            assertEquals(Double.doubleToLongBits(x), Double.doubleToLongBits(parse(s)), s);
        }
    }

    @Property(tries = 2000)
    void shouldAgreeWithJavaOnShortDecimals(@ForAll long mantissa, @ForAll byte exponent) {
        String s = mantissa % 1_000_000_000L + "." + Math.abs(mantissa % 977) + "e" + exponent / 4;
        assertEquals(Double.parseDouble(s), parse(s), s);
    }

    @Test
    void shouldParseCommonForms() {
        assertEquals(0.1, parse("0.1"));
        assertEquals(-0.0, parse("-0"));
        assertEquals(12.0, parse("+12"));
        assertEquals(0.5, parse(".5"));
        assertEquals(5.0, parse("5."));
        assertEquals(1.7976931348623157E308, parse("1.7976931348623157E308"));
        assertEquals(4.9E-324, parse("4.9E-324"));
        assertEquals(0.30000000000000004, parse("0.30000000000000004"));
        assertEquals(Double.POSITIVE_INFINITY, parse("1e400"));
    }

    @Test
    void shouldRejectWhatIsNotADecimalNumber() {
        for (String s : new String[] {"", "-", ".", "e5", "1e", "1e+", "1f", "1d", "0x10", "1.2.3", "1 2", "NaN"}) {
            assertTrue(Double.isNaN(parse(s)), s);
        }
    }
}
