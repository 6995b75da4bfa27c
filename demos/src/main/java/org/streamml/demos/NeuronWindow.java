package org.streamml.demos;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.streamml.datasets.generators.NeuralSample;

/**
 * The recent fluorescence of one neuron: the last {@code length} frames in a ring indexed by frame, the state
 * the neural demo keeps per neuron with {@code updateStateByKey}. Immutable: sliding returns a new window.
 *
 * @param frames the number of frames seen so far
 * @param ring the fluorescence of frame {@code f} at {@code ring[f mod length]}, for the last frames seen
 */
record NeuronWindow(long frames, double[] ring) {

    /** Whether the window holds a full {@code ring.length} frames. */
    boolean full() {
        return frames >= ring.length;
    }

    /**
     * The state update: {@code previous} (or an empty window of {@code length} frames) slid over the new
     * samples, taken in frame order.
     */
    static Optional<NeuronWindow> slide(List<NeuralSample> samples, Optional<NeuronWindow> previous, int length) {
        NeuronWindow w = previous.orElseGet(() -> new NeuronWindow(0, new double[length]));
        if (samples.isEmpty()) {
            return Optional.of(w);
        }
        double[] ring = w.ring.clone();
        long frames = w.frames;
        List<NeuralSample> ordered = samples.stream().sorted(Comparator.comparingLong(NeuralSample::frame)).toList();
        for (NeuralSample s : ordered) {
            if (s.frame() != frames) {
                throw new IllegalStateException("neuron " + s.neuron() + ": frame " + s.frame()
                        + " arrived while frame " + frames + " was expected");
            }
            ring[(int) (frames % ring.length)] = s.fluorescence();
            frames++;
        }
        return Optional.of(new NeuronWindow(frames, ring));
    }

    /**
     * The response profile: the window's frames from oldest to newest, minus their mean, scaled to unit
     * length (all zeros for a flat window), so that neurons compare by the shape of their response and not
     * by their baseline or amplitude.
     */
    double[] profile() {
        int n = ring.length;
        double[] x = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            x[i] = ring[(int) ((frames + i) % n)];
            mean += x[i];
        }
        mean /= n;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            x[i] -= mean;
            norm += x[i] * x[i];
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < n; i++) {
                x[i] /= norm;
            }
        }
        return x;
    }
}
