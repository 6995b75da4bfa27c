package org.streamml.datasets.generators;

/**
 * One fluorescence sample of one neuron in one imaging frame of {@link NeuralGenerator}.
 *
 * @param frame the 0-based frame
 * @param neuron the 0-based neuron id
 * @param group the neuron's functional group (ground truth)
 * @param stimulus the stimulus shown during the frame: 0 for none, {@code g + 1} for group {@code g}'s
 * @param spikes the number of spikes the neuron fired in the frame (ground truth)
 * @param fluorescence the measured fluorescence (ΔF/F-like units, baseline about 1)
 */
public record NeuralSample(long frame, int neuron, int group, int stimulus, int spikes, double fluorescence) {
}
