package org.streamml.streaming.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;
import org.streamml.streaming.BatchExecutor;

/**
 * Counts the finished tasks and their time per Spark executor ({@code executor ID@host}, in the order they
 * first ran a task), for StreamML's per-batch metrics. Spark delivers task events asynchronously, so a batch's
 * counts may still be arriving when it completes.
 */
final class TaskCounter extends SparkListener {
    private final Map<String, long[]> byPlace = new LinkedHashMap<>();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskInfo info = end.taskInfo();
        if (info == null) {
            return;
        }
        String place = info.executorId() + "@" + info.host();
        synchronized (byPlace) {
            long[] t = byPlace.computeIfAbsent(place, p -> new long[2]);
            t[0]++;
            t[1] += info.duration();
        }
    }

    /** The tasks and task milliseconds so far, per place. */
    List<BatchExecutor.TaskPlace> places() {
        synchronized (byPlace) {
            List<BatchExecutor.TaskPlace> out = new ArrayList<>(byPlace.size());
            byPlace.forEach((p, t) -> out.add(new BatchExecutor.TaskPlace(p, t[0], t[1])));
            return out;
        }
    }
}
