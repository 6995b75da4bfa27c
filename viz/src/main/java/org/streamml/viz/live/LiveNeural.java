package org.streamml.viz.live;

import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.chart.NeuralCharts;

/**
 * Live neural activity: a heatmap of neurons against time above the mean trace of each cluster of
 * neurons. Append one activity vector (one value per neuron) per time step; set the clusters when a
 * clustering of the neurons is known. Draws {@link NeuralCharts#activity}.
 */
public final class LiveNeural extends LiveChart {
    private final ChartText text;
    private final int neurons;
    private final History history;
    private volatile int[] clusterOfNeuron;

    /** A chart of {@code neurons} neurons keeping the last {@code capacity} time steps, all in cluster 0. */
    public LiveNeural(String name, ChartText text, int neurons, int capacity) {
        super(name);
        this.text = Objects.requireNonNull(text, "text");
        if (neurons < 1) {
            throw new IllegalArgumentException("neurons must be >= 1: " + neurons);
        }
        this.neurons = neurons;
        this.history = new History(capacity, neurons);
        this.clusterOfNeuron = new int[neurons];
    }

    @Override
    public String title() {
        return text.title();
    }

    /** The most points the chart keeps (time steps). */
    @Override
    public int capacity() {
        return history.capacity();
    }

    /** Appends the activity of every neuron at time {@code t}. Not modified: activity. */
    public void append(double t, double[] activity) {
        history.append(t, activity);
    }

    /** Sets the cluster (from 0) of each neuron for the mean traces. Not modified: clusters (copied). */
    public void setClusters(int[] clusters) {
        if (clusters.length != neurons) {
            throw new IllegalArgumentException("expected a cluster for each of " + neurons + " neurons but got "
                    + clusters.length);
        }
        for (int c : clusters) {
            if (c < 0) {
                throw new IllegalArgumentException("cluster must be >= 0: " + c);
            }
        }
        this.clusterOfNeuron = clusters.clone();
    }

    @Override
    public JFreeChart render() {
        double[][] h = history.snapshot();
        double[][] activity = new double[neurons][];
        System.arraycopy(h, 1, activity, 0, neurons);
        return NeuralCharts.activity(text, h[0], activity, clusterOfNeuron);
    }
}
