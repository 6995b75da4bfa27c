package org.streamml.viz.live;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.streamml.ml.model.Model;
import org.streamml.viz.chart.ChartText;
import org.streamml.viz.chart.TimeSeriesCharts;

/**
 * A model's parameters after each batch, one line each over the model's version (batches applied): the
 * model's {@link Model#parameters()} named by {@link Model#parameterName} (the weights and intercept of
 * a linear or logistic model, the coordinates of every k-means center; any other model type the same
 * way). Give it to a learner as its model listener ({@code learner.onModel(chart)}); each call appends
 * and publishes.
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
        double[] params = model.parameters();
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

    private static String[] names(Model model, int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = model.parameterName(i);
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
