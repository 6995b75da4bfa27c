package org.streamml.ml.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Vectors#parse} and the vectors' {@code toString}, in Spark MLlib's text forms. */
class VectorsParseTest {

    @Test
    void shouldWriteSparksForms() {
        assertEquals("[1.0,2.0,-3.5]", Vectors.dense(1.0, 2.0, -3.5).toString());
        assertEquals("[]", Vectors.dense().toString());
        assertEquals("[0.0,0.0]", Vectors.zeros(2).toString());
        assertEquals("(3,[0,2],[1.0,3.0])", Vectors.sparse(3, new int[] {0, 2}, new double[] {1.0, 3.0}).toString());
        assertEquals("(4,[],[])", Vectors.sparse(4, new int[0], new double[0]).toString());
        assertEquals("[1.0E-10,NaN,Infinity]", Vectors.dense(1e-10, Double.NaN, Double.POSITIVE_INFINITY).toString());
    }

    @Test
    void shouldParseDenseAndSparse() {
        assertEquals(Vectors.dense(1.0, 2.0, 3.0), Vectors.parse("[1.0,2.0,3.0]"));
        assertEquals(Vectors.dense(1.0, -2.0), Vectors.parse("  [ 1 , -2e0 ]  "));
        assertEquals(Vectors.dense(), Vectors.parse("[]"));
        assertEquals(Vectors.sparse(3, new int[] {0, 2}, new double[] {1.0, 3.0}), Vectors.parse("(3,[0,2],[1.0,3.0])"));
        assertEquals(Vectors.sparse(3, new int[] {0, 2}, new double[] {1.0, 3.0}),
                Vectors.parse("( 3 , [ 0.0 , 2 ] , [ 1 , 3 ] )"));
        assertEquals(Vectors.sparse(5, new int[0], new double[0]), Vectors.parse("(5,[],[])"));
    }

    @Test
    void shouldRoundTripEveryDouble() {
        Random random = new Random(7);
        for (int t = 0; t < 200; t++) {
            double[] x = new double[random.nextInt(6)];
            for (int i = 0; i < x.length; i++) {
                x[i] = switch (random.nextInt(4)) {
                    case 0 -> Double.longBitsToDouble(random.nextLong());
                    case 1 -> -0.0;
                    case 2 -> random.nextGaussian() * 1e-300;
                    default -> random.nextInt(100) - 50;
                };
            }
            Vector dense = Vectors.dense(x);
            assertEquals(dense, Vectors.parse(dense.toString()));
            int[] idx = new int[x.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = 3 * i + random.nextInt(3);
            }
            Vector sparse = Vectors.sparse(3 * x.length + 3, idx, x);
            assertEquals(sparse, Vectors.parse(sparse.toString()));
        }
    }

    @Test
    void shouldNameTheTextAndTheRuleBroken() {
        assertMessage("", "cannot parse a vector from '': empty text; expected [x1,x2,...] (dense) or"
                + " (size,[i1,...],[x1,...]) (sparse)");
        assertMessage("1.0,2.0", "cannot parse a vector from '1.0,2.0': expected '[' (a dense vector) or '('"
                + " (a sparse vector) at character 1, found '1'");
        assertMessage("[1.0,2.0", "cannot parse a vector from '[1.0,2.0': expected ',' or ']' after a number at"
                + " character 9, found the end of the text");
        assertMessage("[1.0 2.0]", "cannot parse a vector from '[1.0 2.0]': expected ',' or ']' after a number at"
                + " character 6, found '2'");
        assertMessage("[1.0,,2.0]", "cannot parse a vector from '[1.0,,2.0]': expected a number at character 6,"
                + " found ','");
        assertMessage("[1.0,x]", "cannot parse a vector from '[1.0,x]': not a number at character 6: 'x'");
        assertMessage("[1.0] extra", "cannot parse a vector from '[1.0] extra': expected the end of the vector"
                + " after its closing bracket at character 7, found 'e'");
        assertMessage("(3,[0,2],[1.0])", "cannot parse a vector from '(3,[0,2],[1.0])': indices and values differ"
                + " in length: 2 and 1");
        assertMessage("(3,[0,3],[1.0,2.0])", "cannot parse a vector from '(3,[0,3],[1.0,2.0])': index 3 out of"
                + " range [0, 3)");
        assertMessage("(3,[2,0],[1.0,2.0])", "cannot parse a vector from '(3,[2,0],[1.0,2.0])': indices must be"
                + " strictly increasing: 2 then 0");
        assertMessage("(3,[0.5],[1.0])", "cannot parse a vector from '(3,[0.5],[1.0])': index must be an"
                + " integer: 0.5");
        assertMessage("(2.5,[],[])", "cannot parse a vector from '(2.5,[],[])': size must be an integer: 2.5");
        assertMessage("(-1,[],[])", "cannot parse a vector from '(-1,[],[])': size must be >= 0: -1");
        assertMessage("(3,[0],[1.0]", "cannot parse a vector from '(3,[0],[1.0]': expected ')' at character 13,"
                + " found the end of the text");
        assertEquals("cannot parse a vector from null",
                assertThrows(IllegalArgumentException.class, () -> Vectors.parse(null)).getMessage());
    }

    private static void assertMessage(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Vectors.parse(text)).getMessage());
    }
}
