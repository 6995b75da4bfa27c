package org.streamml.datasets;

import java.util.List;
import org.streamml.datasets.generators.AnomalyKind;
import org.streamml.datasets.generators.AnomalyWindow;
import org.streamml.datasets.generators.FraudPattern;
import org.streamml.datasets.generators.NeuralSample;
import org.streamml.datasets.generators.Neuron;
import org.streamml.datasets.generators.SensorReading;
import org.streamml.datasets.generators.Transaction;
import org.streamml.datasets.io.NabPoint;
import org.streamml.datasets.io.NabRow;
import org.streamml.datasets.tweets.Tweet;
import org.streamml.streaming.WireTypes;

/**
 * The records of this module's generators and loaders (with the enums they hold), declared through the
 * {@link WireTypes} service, so streams of them run on an executor with other processes (a cluster) with
 * nothing to register. The stateful helpers that compute features from a stream in order
 * ({@link org.streamml.datasets.generators.TransactionFeatures}) are not records of a stream and are not
 * registered: use them on the driver.
 */
public final class DatasetsWireTypes implements WireTypes {

    @Override
    public List<Class<?>> types() {
        return List.of(Transaction.class, FraudPattern.class, NabPoint.class, NabRow.class, NeuralSample.class, Neuron.class,
                SensorReading.class, AnomalyKind.class, AnomalyWindow.class, Tweet.class);
    }
}
