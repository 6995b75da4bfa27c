package org.streamml.streaming.cluster;

import java.util.List;

/** A registrar service found on the test class path, registering {@link Reading}. */
public final class TestRegistrar implements KryoRegistrar {

    /** A record type registered only through this service. */
    public record Reading(String sensor, double value) {
    }

    @Override
    public List<Class<?>> classes() {
        return List.of(Reading.class);
    }
}
