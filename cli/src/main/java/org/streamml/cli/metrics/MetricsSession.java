package org.streamml.cli.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;

/**
 * The metrics of one command run: a Prometheus registry served on {@code /metrics} and a JMX registry (domain
 * {@value #JMX_DOMAIN}, MBeans named by the meters' dotted names, {@code org.streamml:name=streamml.batches.completed,type=...}),
 * both fed by one {@link BatchMetrics}. Closing it stops the server and unregisters the MBeans.
 */
public final class MetricsSession implements Closeable {
    /** The JMX domain of the MBeans. */
    public static final String JMX_DOMAIN = "org.streamml";

    private final PrometheusMeterRegistry prometheus;
    private final JmxMeterRegistry jmx;
    private final CompositeMeterRegistry registry;
    private final BatchMetrics batches;
    private final MetricsEndpoint endpoint;

    private MetricsSession(InetAddress address, int port) throws IOException {
        prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        jmx = new JmxMeterRegistry(new JmxConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String domain() {
                return JMX_DOMAIN;
            }
        }, Clock.SYSTEM);
        jmx.config().namingConvention(NamingConvention.dot);
        registry = new CompositeMeterRegistry(Clock.SYSTEM);
        registry.add(prometheus);
        registry.add(jmx);
        batches = new BatchMetrics(registry);
        try {
            endpoint = new MetricsEndpoint(address, port, prometheus::scrape);
        } catch (IOException e) {
            jmx.close();
            prometheus.close();
            throw e;
        }
    }

    /**
     * Starts serving on {@code address:port} ({@code port} 0: any free port).
     *
     * @throws IOException naming the address when it cannot be bound
     */
    public static MetricsSession start(InetAddress address, int port) throws IOException {
        return new MetricsSession(address, port);
    }

    /** The listener to add to the stream's context; also where a command adds its model's gauges. */
    public BatchMetrics batches() {
        return batches;
    }

    /** {@code http://ADDRESS:PORT/metrics}. */
    public URI uri() {
        return endpoint.uri();
    }

    /** The metrics now, in Prometheus' text format (what {@code /metrics} answers). */
    public String scrape() {
        return prometheus.scrape();
    }

    @Override
    public void close() {
        endpoint.close();
        registry.close();
        jmx.close();
        prometheus.close();
    }
}
