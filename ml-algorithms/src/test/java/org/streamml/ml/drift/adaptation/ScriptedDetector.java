package org.streamml.ml.drift.adaptation;

import java.util.Map;
import org.streamml.ml.drift.DriftDetector;
import org.streamml.ml.drift.DriftSignal;

/** A detector that gives the signal a script assigns to each stream position (NONE elsewhere). */
final class ScriptedDetector implements DriftDetector {
    private final Map<Long, DriftSignal> script;
    private long seen;

    ScriptedDetector(Map<Long, DriftSignal> script) {
        this.script = script;
    }

    @Override
    public DriftSignal add(double x) {
        return script.getOrDefault(seen++, DriftSignal.NONE);
    }

    @Override
    public double statistic() {
        return seen;
    }

    @Override
    public void reset() {
        seen = 0;
    }

    @Override
    public String name() {
        return "SCRIPT";
    }

    @Override
    public Object saveState() {
        return new long[] {seen};
    }

    @Override
    public void restoreState(Object state) {
        seen = ((long[]) state)[0];
    }
}
