package org.streamml.datasets.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NeuralGeneratorTest {
    private static final NeuralGenerator.Options OPTIONS = NeuralGenerator.Options.defaults().withNeurons(40);
    private static final int FRAMES = 2400;

    /** The traces, neuron by frame. */
    static double[][] traces(NeuralGenerator g, int frames) {
        int n = g.options().neurons();
        double[][] t = new double[n][frames];
        for (NeuralSample s : g) {
            t[s.neuron()][(int) s.frame()] = s.fluorescence();
        }
        return t;
    }

    @Test
    void shouldCorrelateNeuronsOfAGroupMoreThanNeuronsOfDifferentGroups() {
        NeuralGenerator g = new NeuralGenerator(OPTIONS, 8, 40L * FRAMES);
        double[][] t = traces(g, FRAMES);
        double within = 0;
        double between = 0;
        int nw = 0;
        int nb = 0;
        for (int i = 0; i < 40; i++) {
            for (int j = i + 1; j < 40; j++) {
                double r = correlation(t[i], t[j]);
                if (i % 4 == j % 4) {
                    within += r;
                    nw++;
                } else {
                    between += r;
                    nb++;
                }
            }
        }
        assertTrue(within / nw > 0.5, "within " + within / nw);
        assertTrue(between / nb < 0.1, "between " + between / nb);
    }

    @Test
    void shouldFireMostlyDuringTheGroupsOwnStimulus() {
        NeuralGenerator g = new NeuralGenerator(OPTIONS, 8, 40L * FRAMES);
        double own = 0;
        double other = 0;
        long ownFrames = 0;
        long otherFrames = 0;
        for (NeuralSample s : g) {
            assertEquals(s.neuron() % 4, s.group());
            assertEquals(g.stimulus(s.frame()), s.stimulus());
            if (s.stimulus() == s.group() + 1) {
                own += s.spikes();
                ownFrames++;
            } else {
                other += s.spikes();
                otherFrames++;
            }
        }
        // 4.2 Hz while responding vs 0.2 Hz spontaneous, at 10 frames/s.
        assertEquals(0.42, own / ownFrames, 0.03);
        assertEquals(0.02, other / otherFrames, 0.005);
    }

    @Test
    void shouldPlaceNeuronsNearTheirGroupsCentre() {
        List<Neuron> neurons = new NeuralGenerator(OPTIONS, 8, 0).neurons();
        assertEquals(40, neurons.size());
        double within = 0;
        double between = 0;
        int nw = 0;
        int nb = 0;
        for (Neuron a : neurons) {
            for (Neuron b : neurons) {
                if (a.id() < b.id()) {
                    double d = Math.hypot(Math.hypot(a.x() - b.x(), a.y() - b.y()), a.z() - b.z());
                    if (a.group() == b.group()) {
                        within += d;
                        nw++;
                    } else {
                        between += d;
                        nb++;
                    }
                }
            }
        }
        assertTrue(within / nw < 50, "within " + within / nw);
        assertTrue(between / nb > 2 * within / nw, "between " + between / nb);
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
