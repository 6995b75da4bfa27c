package org.streamml.streaming;

import java.util.ArrayList;
import java.util.List;

/** The streams of one context: every stream by id, the inputs and the outputs in registration order. */
final class DStreamGraph {
    private final StreamingContext context;
    private final List<DStream<?>> streams = new ArrayList<>();
    private final List<InputDStream<?>> inputs = new ArrayList<>();
    private final List<OutputDStream<?>> outputs = new ArrayList<>();

    DStreamGraph(StreamingContext context) {
        this.context = context;
    }

    synchronized int register(DStream<?> stream) {
        context.checkCanAdd();
        streams.add(stream);
        return streams.size() - 1;
    }

    synchronized void addInput(InputDStream<?> input) {
        inputs.add(input);
    }

    synchronized void addOutput(OutputDStream<?> output) {
        context.checkCanAdd();
        outputs.add(output);
    }

    synchronized List<DStream<?>> streams() {
        return List.copyOf(streams);
    }

    synchronized List<InputDStream<?>> inputs() {
        return List.copyOf(inputs);
    }

    synchronized List<OutputDStream<?>> outputs() {
        return List.copyOf(outputs);
    }

    /** Sets how long each stream keeps its batches: at least its slide, more where windows read back. */
    void initRemember() {
        for (OutputDStream<?> out : outputs()) {
            out.initRemember(out.slideDuration());
        }
        for (DStream<?> s : streams()) {
            s.initRemember(s.slideDuration());
        }
    }

    /** Whether every input stream's source is exhausted (false when there are no inputs). */
    boolean allInputsExhausted() {
        List<InputDStream<?>> in = inputs();
        if (in.isEmpty()) {
            return false;
        }
        for (InputDStream<?> i : in) {
            if (!i.isExhausted()) {
                return false;
            }
        }
        return true;
    }
}
