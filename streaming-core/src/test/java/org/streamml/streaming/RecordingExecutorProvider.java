package org.streamml.streaming;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A provider found on the test class path only: {@code recording[NAME]} makes a one-thread executor that
 * remembers the settings it was given and whether it was closed, under its name.
 */
public final class RecordingExecutorProvider implements ExecutorProvider {
    /** The executors made so far, by name. */
    static final Map<String, Recording> MADE = new ConcurrentHashMap<>();

    /** A local executor that records its settings and its closing. */
    static final class Recording implements BatchExecutor {
        final ExecutorSettings settings;
        private final LocalExecutor local = new LocalExecutor(1);
        volatile boolean closed;

        Recording(ExecutorSettings settings) {
            this.settings = settings;
        }

        @Override
        public <R> List<R> runTasks(int numTasks, PartitionTask<R> task) {
            return local.runTasks(numTasks, task);
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public void close() {
            closed = true;
            local.close();
        }
    }

    @Override
    public String module() {
        return "streaming-core-tests";
    }

    @Override
    public List<String> forms() {
        return List.of("recording[NAME]");
    }

    @Override
    public boolean accepts(String master) {
        return master.startsWith("recording[");
    }

    @Override
    public BatchExecutor create(String master, ExecutorSettings settings) {
        if (!master.endsWith("]")) {
            throw new IllegalArgumentException("invalid master '" + master + "': expected recording[NAME]");
        }
        Recording r = new Recording(settings);
        MADE.put(master.substring("recording[".length(), master.length() - 1), r);
        return r;
    }
}
