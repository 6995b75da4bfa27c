package org.streamml.viz.live;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.streamml.ml.model.KMeansModel;
import org.streamml.ml.model.LinearRegressionModel;
import org.streamml.ml.model.LogisticRegressionModel;
import org.streamml.ml.model.Model;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.chart.TimeSeriesCharts;

/**
 * A model's parameters after each batch: the weights and intercept of a linear or logistic model, or the
 * coordinates of every k-means center, one line each, over the model's version (batches applied). Give
 * it to a learner as its per-batch model callback; each call appends and publishes.
 */
public final class LiveModelParameters extends LiveChart implements Consumer<Model> {
    private final int maxLines;
    private final int capacity;
    private volatile State state;

    private record State(String type, String[] names, History history) {
    }

    /**
     * A chart keeping the last {@code capacity} models and drawing at most {@code maxLines} parameters
     * (the first ones; a model may have thousands).
     */
    public LiveModelParameters(String name, int maxLines, int capacity) {
        super(name);
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be >= 1: " + maxLines);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be >= 1: " + capacity);
        }
        this.maxLines = maxLines;
        this.capacity = capacity;
    }

    @Override
    public String title() {
        State s = state;
        return s == null ? "Model parameters" : "Model parameters (" + s.type() + ")";
    }

    /** The most points the chart keeps (models). */
    @Override
    public int capacity() {
        return capacity;
    }

    /**
     * Appends {@code model}'s parameters at x = its version and publishes.
     *
     * @throws IllegalArgumentException if the model's type or number of parameters differs from the first
     */
    @Override
    public void accept(Model model) {
        Objects.requireNonNull(model, "model");
        double[] params = parameters(model);
        State s = state;
        if (s == null) {
            s = new State(model.type(), names(model, params.length), new History(capacity, params.length));
            state = s;
        } else if (!s.type().equals(model.type()) || s.names().length != params.length) {
            throw new IllegalArgumentException("chart '" + name() + "' draws " + s.type() + " models with "
                    + s.names().length + " parameters but got a " + model.type() + " model with " + params.length);
        }
        s.history().append(model.version(), params);
        publish();
    }

    /** The parameters of {@code model} in the chart's order. */
    static double[] parameters(Model model) {
        if (model instanceof LinearRegressionModel m) {
            return withIntercept(m.weights(), m.intercept());
        }
        if (model instanceof LogisticRegressionModel m) {
            return withIntercept(m.weights(), m.intercept());
        }
        KMeansModel m = (KMeansModel) model;
        int d = m.numFeatures();
        double[] out = new double[m.k() * d];
        for (int j = 0; j < m.k(); j++) {
            System.arraycopy(m.center(j), 0, out, j * d, d);
        }
        return out;
    }

    private static double[] withIntercept(double[] weights, double intercept) {
        double[] out = Arrays.copyOf(weights, weights.length + 1);
        out[weights.length] = intercept;
        return out;
    }

    private static String[] names(Model model, int count) {
        String[] names = new String[count];
        if (model instanceof KMeansModel m) {
            int d = m.numFeatures();
            for (int i = 0; i < count; i++) {
                names[i] = "center " + (i / d) + "[" + (i % d) + "]";
            }
        } else {
            for (int i = 0; i < count - 1; i++) {
                names[i] = "w" + i;
            }
            names[count - 1] = "intercept";
        }
        return names;
    }

    @Override
    public JFreeChart render() {
        State s = state;
        ChartText text = new ChartText(title(), "batch", "value");
        if (s == null) {
            return TimeSeriesCharts.parameters(text, new double[0], new double[0][], new String[0]);
        }
        double[][] h = s.history().snapshot();
        int lines = Math.min(maxLines, s.names().length);
        double[][] rows = new double[h[0].length][lines];
        for (int i = 0; i < rows.length; i++) {
            for (int p = 0; p < lines; p++) {
                rows[i][p] = h[1 + p][i];
            }
        }
        return TimeSeriesCharts.parameters(text, h[0], rows, Arrays.copyOf(s.names(), lines));
    }
}
