package org.streamml.streaming.cluster;

import java.util.List;
import org.streamml.streaming.WireTypes;

/** A wire types service found on the test class path, registering {@link Reading}. */
public final class TestWireTypes implements WireTypes {

    /** A record type registered only through this service. */
    public record Reading(String sensor, double value) {
    }

    @Override
    public List<Class<?>> types() {
        return List.of(Reading.class);
    }
}
