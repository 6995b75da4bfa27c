package org.streamml.datasets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class NabFileMatcherTest {
    private static final List<String> KEYS = List.of("realKnownCause/nyc_taxi.csv", "artificial/nyc_taxi.csv",
            "realKnownCause/ambient_temperature_system_failure.csv", "realTweets/ec2_cpu.csv",
            "realTweets/cpu.csv");

    @Test
    void shouldMatchTheSameRelativePathFirst() {
        assertEquals("artificial/nyc_taxi.csv", NabFileMatcher.match("artificial/nyc_taxi.csv", KEYS));
    }

    @Test
    void shouldMatchByFileNameAndDetectorPrefixPreferringTheSameCategory() {
        assertEquals("realKnownCause/ambient_temperature_system_failure.csv",
                NabFileMatcher.match("ambient_temperature_system_failure.csv", KEYS));
        assertEquals("realKnownCause/nyc_taxi.csv",
                NabFileMatcher.match("htm/realKnownCause/htm_nyc_taxi.csv", KEYS));
    }

    @Test
    void shouldPreferTheLongerNameAndGiveNoneWhenTwoAreEquallySpecific() {
        assertEquals("realTweets/ec2_cpu.csv", NabFileMatcher.match("realTweets/mine_ec2_cpu.csv", KEYS),
                "'ec2_cpu' is more specific than 'cpu'");
        assertNull(NabFileMatcher.match("nyc_taxi.csv", KEYS), "two categories hold nyc_taxi.csv and the path names neither");
        assertNull(NabFileMatcher.match("unrelated.csv", KEYS));
    }
}
