package org.streamml.datasets.generators;

/**
 * One injected anomaly of {@link SensorGenerator}: a channel, a kind and the steps it covers.
 *
 * @param channel the 0-based channel
 * @param kind the kind (never {@link AnomalyKind#NONE})
 * @param startStep the first step of the anomaly
 * @param endStep the last step of the anomaly (inclusive)
 */
public record AnomalyWindow(int channel, AnomalyKind kind, long startStep, long endStep) {

    /** Whether {@code step} lies in the window. */
    public boolean contains(long step) {
        return step >= startStep && step <= endStep;
    }

    /** The number of steps covered. */
    public long length() {
        return endStep - startStep + 1;
    }
}
