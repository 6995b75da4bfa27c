/**
 * The shared test kit, published as streaming-core's test-jar: {@link org.streamml.streaming.testkit.TestDriver}
 * runs streams on a manual clock without sleeps, and {@link org.streamml.streaming.testkit.ExecutorConformanceSuite}
 * is the suite every executor proves itself with.
 */
package org.streamml.streaming.testkit;
