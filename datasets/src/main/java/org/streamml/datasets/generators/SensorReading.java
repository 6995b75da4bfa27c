package org.streamml.datasets.generators;

/**
 * One reading of {@link SensorGenerator}, with its ground truth.
 *
 * @param step the 0-based time step
 * @param timeMillis the reading's time, milliseconds since the epoch (UTC)
 * @param channel the 0-based sensor channel
 * @param value the measured value
 * @param anomaly the kind of anomaly this reading belongs to, {@link AnomalyKind#NONE} when normal
 */
public record SensorReading(long step, long timeMillis, int channel, double value, AnomalyKind anomaly) {

    /** Whether the reading lies in an injected anomaly. */
    public boolean isAnomaly() {
        return anomaly != AnomalyKind.NONE;
    }
}
