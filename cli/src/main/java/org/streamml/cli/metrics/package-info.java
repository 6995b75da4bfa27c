/**
 * The command line's per-batch metrics through Micrometer: {@link org.streamml.cli.metrics.BatchMetrics} turns the
 * engine's {@link org.streamml.streaming.StreamingListener} callbacks and a learner's model into meters,
 * {@link org.streamml.cli.metrics.MetricsSession} publishes them in Prometheus' text format on
 * {@code /metrics} ({@link org.streamml.cli.metrics.MetricsEndpoint}) and as JMX MBeans (domain
 * {@code org.streamml}). The engine (streaming-core) knows nothing of Micrometer; the meters' names are in the
 * README's Metrics section.
 */
package org.streamml.cli.metrics;
