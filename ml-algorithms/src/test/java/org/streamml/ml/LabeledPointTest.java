package org.streamml.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.streamml.ml.linalg.Vectors;

/** {@link LabeledPoint#parse} and {@link LabeledPoint#toString}: Spark MLlib's text forms of a point. */
class LabeledPointTest {

    @Test
    void shouldParseSparksThreeForms() {
        assertEquals(LabeledPoint.of(1.0, 1.0, 2.0, 3.0), LabeledPoint.parse("(1.0,[1.0,2.0,3.0])"));
        assertEquals(new LabeledPoint(1.0, Vectors.sparse(3, new int[] {0, 2}, new double[] {1.0, 3.0})),
                LabeledPoint.parse("(1.0,(3,[0,2],[1.0,3.0]))"));
        assertEquals(LabeledPoint.of(1.0, 1.0, 2.0, 3.0), LabeledPoint.parse("1.0,1.0 2.0 3.0"));
    }

    @Test
    void shouldAllowWhitespaceBetweenTokens() {
        assertEquals(LabeledPoint.of(-2.5, 1.0, 2.0), LabeledPoint.parse("  ( -2.5 , [ 1.0 , 2.0 ] ) \n"));
        assertEquals(LabeledPoint.of(0.0, 4.0, 5.0), LabeledPoint.parse("0 , 4  5\t"));
        assertEquals(LabeledPoint.of(1.0), LabeledPoint.parse("(1.0,[])"));
    }

    @Test
    void shouldWriteSparksFormAndRoundTrip() {
        assertEquals("(1.0,[1.0,2.0,3.0])", LabeledPoint.of(1.0, 1.0, 2.0, 3.0).toString());
        assertEquals("(0.0,(3,[0,2],[1.0,3.0]))",
                new LabeledPoint(0.0, Vectors.sparse(3, new int[] {0, 2}, new double[] {1.0, 3.0})).toString());
        Random random = new Random(11);
        for (int t = 0; t < 100; t++) {
            double[] x = new double[1 + random.nextInt(5)];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextBoolean() ? random.nextGaussian() : Double.longBitsToDouble(random.nextLong());
            }
            LabeledPoint dense = LabeledPoint.of(random.nextGaussian(), x);
            assertEquals(dense, LabeledPoint.parse(dense.toString()));
            LabeledPoint sparse = new LabeledPoint(random.nextInt(2),
                    Vectors.sparse(x.length + 1, new int[] {x.length}, new double[] {x[0]}));
            assertEquals(sparse, LabeledPoint.parse(sparse.toString()));
        }
    }

    @Test
    void shouldNameTheTextAndTheRuleBroken() {
        assertMessage("", "cannot parse a labeled point from '': expected (label,[x1,...]),"
                + " (label,(size,[i1,...],[x1,...])) or label,x1 x2 ... (no ',' found)");
        assertMessage("1.0 2.0 3.0", "cannot parse a labeled point from '1.0 2.0 3.0': expected (label,[x1,...]),"
                + " (label,(size,[i1,...],[x1,...])) or label,x1 x2 ... (no ',' found)");
        assertMessage("(1.0,[1.0,2.0]", "cannot parse a labeled point from '(1.0,[1.0,2.0]': a point that starts"
                + " with '(' must end with ')': (label,[x1,...]) or (label,(size,[i1,...],[x1,...]))");
        assertMessage("(1.0)", "cannot parse a labeled point from '(1.0)': expected a ',' between the label and"
                + " the features: (label,[x1,...])");
        assertMessage("(yes,[1.0])", "cannot parse a labeled point from '(yes,[1.0])': the label is not a number:"
                + " 'yes'");
        assertMessage("(1.0,[1.0,a])", "cannot parse a labeled point from '(1.0,[1.0,a])': cannot parse a vector"
                + " from '[1.0,a]': not a number at character 6: 'a'");
        assertMessage("(1.0,(3,[0,2],[1.0]))", "cannot parse a labeled point from '(1.0,(3,[0,2],[1.0]))': cannot"
                + " parse a vector from '(3,[0,2],[1.0])': indices and values differ in length: 2 and 1");
        assertMessage("1.0,", "cannot parse a labeled point from '1.0,': no features after the label's ','"
                + " (label,x1 x2 ...)");
        assertMessage("1.0,1.0 b 3.0", "cannot parse a labeled point from '1.0,1.0 b 3.0': feature 2 is not a"
                + " number: 'b' (label,x1 x2 ...: features separated by spaces)");
        assertMessage("x,1.0", "cannot parse a labeled point from 'x,1.0': the label is not a number: 'x'");
        assertEquals("cannot parse a labeled point from null",
                assertThrows(IllegalArgumentException.class, () -> LabeledPoint.parse(null)).getMessage());
    }

    private static void assertMessage(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> LabeledPoint.parse(text)).getMessage());
    }
}
