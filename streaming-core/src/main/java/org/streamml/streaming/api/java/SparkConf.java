package org.streamml.streaming.api.java;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Spark's {@code SparkConf} for ported programs: the application name, the master and other settings.
 * {@link JavaStreamingContext} reads the master ({@code local[N]}, {@code local-cluster[N]},
 * {@code cluster://HOST:PORT}, {@code spark://…} when streaming-spark is on the class path: the engine's
 * master strings, of which Spark's {@code local[N]} is one); without one the context runs on the embedded
 * engine. Other settings are kept and readable but change nothing.
 */
public final class SparkConf {
    private final Map<String, String> settings = new LinkedHashMap<>();

    /** An empty configuration. */
    public SparkConf() {
    }

    /** Sets {@code spark.app.name}. */
    public SparkConf setAppName(String name) {
        return set("spark.app.name", name);
    }

    /** Sets {@code spark.master}, the engine's master string. */
    public SparkConf setMaster(String master) {
        return set("spark.master", master);
    }

    /** Sets {@code key} to {@code value}; returns this configuration. */
    public SparkConf set(String key, String value) {
        settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** The value of {@code key}, if set. */
    public Optional<String> getOption(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** The value of {@code key}, or {@code defaultValue}. */
    public String get(String key, String defaultValue) {
        return settings.getOrDefault(key, defaultValue);
    }
}
