package org.streamml.streaming.spark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.SharedExecutor;
import org.streamml.streaming.testkit.ExecutorConformanceSuite;

/**
 * The executor conformance kit on Spark's in-process mode ({@code spark-local[2]}): every engine operation
 * gives the batches, printed text and files of {@code local[2]}, with every partition task run as a Spark
 * task.
 */
class SparkLocalConformanceTest extends ExecutorConformanceSuite {
    private SparkExecutor spark;

    @BeforeAll
    void startSpark() {
        spark = (SparkExecutor) new SparkExecutorProvider().create("spark-local[2]", null);
    }

    @AfterAll
    void stopSpark() {
        if (spark != null) {
            spark.close();
        }
    }

    @Override
    protected BatchExecutor executorUnderTest() {
        return SharedExecutor.of(spark);
    }
}
