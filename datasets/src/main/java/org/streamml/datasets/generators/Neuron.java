package org.streamml.datasets.generators;

/**
 * A neuron of {@link NeuralGenerator}: where it is and which functional group it belongs to.
 *
 * @param id the 0-based neuron id
 * @param group the 0-based functional group (group {@code g} responds to stimulus {@code g + 1})
 * @param x the x position in micrometres
 * @param y the y position in micrometres
 * @param z the z position (depth) in micrometres
 */
public record Neuron(int id, int group, double x, double y, double z) {
}
