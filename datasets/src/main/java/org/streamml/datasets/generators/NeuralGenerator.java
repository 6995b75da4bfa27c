package org.streamml.datasets.generators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A calcium-imaging-like recording in miniature (a larval zebrafish light-sheet experiment, scaled
 * down): neurons in 3-D, organised in functional groups, each group firing when its stimulus is shown.
 * Records come frame by frame, one per neuron: record {@code i} is neuron {@code i mod neurons} at frame
 * {@code i / neurons}.
 *
 * <p>Stimuli: a rest of {@code restFrames}, then stimulus 1 for {@code stimulusFrames}, a rest, stimulus
 * 2, ... cycling through the groups. Spikes: Poisson with rate {@code baseRate} (Hz), plus
 * {@code responseRate} while the neuron's group's stimulus is on. Calcium: each spike adds
 * {@code spikeAmplitude} and the trace decays with time constant {@code decaySeconds} (spikes convolved
 * with an exponential kernel). Fluorescence = baseline (1, drifting slowly by up to ±10 % over
 * {@code driftFrames}) + calcium + Gaussian noise of {@code noise}. Group centres are drawn in a
 * 400 x 300 x 200 µm box and neurons scatter 20 µm around them.
 */
public final class NeuralGenerator extends SeededGenerator<NeuralSample> {
    private final Options options;

    /**
     * What to generate.
     *
     * @param neurons the number of neurons (>= groups)
     * @param groups the number of functional groups and stimuli (>= 1)
     * @param frameRate frames per second (> 0)
     * @param stimulusFrames frames each stimulus lasts (>= 1)
     * @param restFrames frames of rest before each stimulus (>= 0)
     * @param baseRate the spontaneous firing rate in Hz (>= 0)
     * @param responseRate the extra firing rate in Hz while the group's stimulus is on (>= 0)
     * @param decaySeconds the calcium decay time constant (> 0)
     * @param spikeAmplitude the fluorescence added by one spike (>= 0)
     * @param noise the standard deviation of the measurement noise (>= 0)
     * @param driftFrames the period of the slow baseline drift in frames (>= 1)
     */
    public record Options(int neurons, int groups, double frameRate, int stimulusFrames, int restFrames,
                          double baseRate, double responseRate, double decaySeconds, double spikeAmplitude,
                          double noise, long driftFrames) {
        /** Checks the options. */
        public Options {
            if (groups < 1) {
                throw new IllegalArgumentException("groups must be >= 1: " + groups);
            }
            if (neurons < groups) {
                throw new IllegalArgumentException("neurons must be >= groups (" + groups + "): " + neurons);
            }
            checkPositive("frameRate", frameRate);
            if (stimulusFrames < 1 || restFrames < 0) {
                throw new IllegalArgumentException("need stimulusFrames >= 1 and restFrames >= 0: " + stimulusFrames
                        + ", " + restFrames);
            }
            checkNonNegative("baseRate", baseRate);
            checkNonNegative("responseRate", responseRate);
            checkPositive("decaySeconds", decaySeconds);
            checkNonNegative("spikeAmplitude", spikeAmplitude);
            checkNonNegative("noise", noise);
            if (driftFrames < 1) {
                throw new IllegalArgumentException("driftFrames must be >= 1: " + driftFrames);
            }
        }

        /**
         * 60 neurons in 4 groups at 10 frames/s; stimuli of 3 s after 3 s of rest; 0.2 Hz spontaneous, +4 Hz
         * when responding; decay 1 s; spike amplitude 0.5; noise 0.05; baseline drift over 6,000 frames.
         */
        public static Options defaults() {
            return new Options(60, 4, 10, 30, 30, 0.2, 4, 1.0, 0.5, 0.05, 6000);
        }

        /** A copy with {@code n} neurons. */
        public Options withNeurons(int n) {
            return new Options(n, groups, frameRate, stimulusFrames, restFrames, baseRate, responseRate,
                    decaySeconds, spikeAmplitude, noise, driftFrames);
        }

        /** A copy with {@code g} groups. */
        public Options withGroups(int g) {
            return new Options(neurons, g, frameRate, stimulusFrames, restFrames, baseRate, responseRate,
                    decaySeconds, spikeAmplitude, noise, driftFrames);
        }

        /** A copy with measurement noise {@code sd}. */
        public Options withNoise(double sd) {
            return new Options(neurons, groups, frameRate, stimulusFrames, restFrames, baseRate, responseRate,
                    decaySeconds, spikeAmplitude, sd, driftFrames);
        }

        /** A copy with response rate {@code hz}. */
        public Options withResponseRate(double hz) {
            return new Options(neurons, groups, frameRate, stimulusFrames, restFrames, baseRate, hz,
                    decaySeconds, spikeAmplitude, noise, driftFrames);
        }
    }

    /** {@code rows} samples (or {@link #UNBOUNDED}) from {@code seed}. */
    public NeuralGenerator(Options options, long seed, long rows) {
        super(seed, rows);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options. */
    public Options options() {
        return options;
    }

    /** The neurons with their groups (neuron {@code i} is in group {@code i mod groups}) and positions. */
    public List<Neuron> neurons() {
        return layout(new SplittableRandom(seed()).split());
    }

    /** The stimulus shown at {@code frame}: 0 for none, {@code g + 1} for group {@code g}'s. */
    public int stimulus(long frame) {
        int block = options.stimulusFrames() + options.restFrames();
        long inBlock = frame % block;
        return inBlock < options.restFrames() ? 0 : (int) ((frame / block) % options.groups()) + 1;
    }

    private List<Neuron> layout(SplittableRandom rnd) {
        int g = options.groups();
        double[][] centres = new double[g][];
        for (int k = 0; k < g; k++) {
            centres[k] = new double[] {400 * rnd.nextDouble(), 300 * rnd.nextDouble(), 200 * rnd.nextDouble()};
        }
        List<Neuron> out = new ArrayList<>(options.neurons());
        for (int i = 0; i < options.neurons(); i++) {
            double[] c = centres[i % g];
            out.add(new Neuron(i, i % g, c[0] + 20 * rnd.nextGaussian(), c[1] + 20 * rnd.nextGaussian(),
                    c[2] + 20 * rnd.nextGaussian()));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    protected Cursor<NeuralSample> start() {
        SplittableRandom root = new SplittableRandom(seed());
        root.split();
        SplittableRandom rnd = root.split();
        int n = options.neurons();
        int groups = options.groups();
        double decay = Math.exp(-1.0 / (options.frameRate() * options.decaySeconds()));
        double baseLambda = options.baseRate() / options.frameRate();
        double responseLambda = (options.baseRate() + options.responseRate()) / options.frameRate();
        double[] calcium = new double[n];
        double[] driftPhase = new double[n];
        for (int i = 0; i < n; i++) {
            driftPhase[i] = 2 * Math.PI * rnd.nextDouble();
        }
        return index -> {
            long frame = index / n;
            int neuron = (int) (index % n);
            int group = neuron % groups;
            int stim = stimulus(frame);
            int spikes = poisson(rnd, stim == group + 1 ? responseLambda : baseLambda);
            calcium[neuron] = calcium[neuron] * decay + options.spikeAmplitude() * spikes;
            double baseline = 1 + 0.1 * Math.sin(2 * Math.PI * frame / options.driftFrames() + driftPhase[neuron]);
            double f = baseline + calcium[neuron] + options.noise() * rnd.nextGaussian();
            return new NeuralSample(frame, neuron, group, stim, spikes, f);
        };
    }

    /** A Poisson draw by inversion (the rates per frame are small). */
    private static int poisson(SplittableRandom rnd, double lambda) {
        double u = rnd.nextDouble();
        double p = Math.exp(-lambda);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < 1000) {
            k++;
            p *= lambda / k;
            cdf += p;
        }
        return k;
    }
}
