package org.streamml.viz.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    @Test
    void shouldPickTwoCoordinates() {
        Projection p = Projection.coordinates(4, 2, 0);
        double[] out = new double[2];
        p.project(new double[] {1, 2, 3, 4}, out);
        assertArrayEquals(new double[] {3, 1}, out);
        assertEquals("x[2]", p.labelX());
    }

    @Test
    void shouldFindTheDirectionOfGreatestVariance() {
        Random random = new Random(11);
        double[][] sample = new double[500][];
        for (int i = 0; i < sample.length; i++) {
            double t = random.nextGaussian() * 10;
            double s = random.nextGaussian();
            sample[i] = new double[] {5 + t, 5 + t, s};
        }
        Projection p = Projection.principalComponents(sample);
        double[] base = new double[2];
        double[] along = new double[2];
        double[] across = new double[2];

        p.project(new double[] {5, 5, 0}, base);
        p.project(new double[] {15, 15, 0}, along);
        p.project(new double[] {5, 5, 3}, across);
        assertEquals(10 * Math.sqrt(2), Math.abs(along[0] - base[0]), 1e-3, "along (1,1,0) the first component moves");
        assertEquals(0, along[1] - base[1], 0.02);
        assertEquals(0, across[0] - base[0], 0.02);
        assertEquals(3, Math.abs(across[1] - base[1]), 1e-3, "the third axis is the second component");
    }

    @Test
    void shouldRejectAPointOfAnotherDimension() {
        Projection p = Projection.coordinates(2, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> p.project(new double[3], new double[2]));
    }
}
