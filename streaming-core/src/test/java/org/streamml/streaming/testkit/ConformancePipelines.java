package org.streamml.streaming.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.streamml.streaming.Batch;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.MapWithStateDStream;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairBatch;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.State;
import org.streamml.streaming.StateSpec;
import org.streamml.streaming.Time;
import org.streamml.streaming.source.GeneratedSource;

/**
 * The pipelines {@link ExecutorConformanceSuite} runs on a reference executor and on the executor under
 * test: together they use every public operation of {@link DStream}, {@link PairDStream} and {@link MapWithStateDStream}, each
 * case naming the signatures it covers. Batches are 100 ms; windows and timeouts are multiples of it.
 */
public final class ConformancePipelines {
    private static final Duration B1 = Duration.ofMillis(100);
    private static final Duration B2 = Duration.ofMillis(200);
    private static final Duration B3 = Duration.ofMillis(300);

    private ConformancePipelines() {
    }

    /** Builds a pipeline from the integer input stream; {@code dir} is an empty directory of this run. */
    @FunctionalInterface
    public interface Pipeline {
        /** The pipeline's output stream, built on {@code in}; files go under {@code dir}. */
        DStream<?> build(DStream<Integer> in, Path dir);
    }

    /**
     * One case: a name, the operation signatures it covers ({@code name(ParamType,...)}), text its local
     * trace must contain to show the operation did something (or {@code ""}) and the pipeline.
     */
    public record Case(String name, List<String> covers, String expect, Pipeline pipeline) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static PairDStream<Integer, Long> keyed(DStream<Integer> in, int keys) {
        return in.mapToPair(x -> Pair.of(Math.floorMod(x, keys), (long) x));
    }

    private static Optional<Long> countUpToTen(List<Long> values, Optional<Long> state) {
        long n = state.orElse(0L) + values.size();
        return n > 10 ? Optional.empty() : Optional.of(n);
    }

    private static Optional<String> runningSum(Time time, Integer key, Optional<Long> value, State<Long> state) {
        if (state.isTimingOut()) {
            return Optional.of("timeout " + key + "=" + state.get() + "@" + time.millis());
        }
        long sum = state.getOption().orElse(0L) + value.orElse(0L);
        if (sum % 4 == 0) {
            state.remove();
            return Optional.empty();
        }
        state.update(sum);
        return sum % 3 == 0 ? Optional.empty() : Optional.of(key + "=" + sum);
    }

    private static String countWithInitial(Integer key, Optional<Long> value, State<Integer> state) {
        int n = state.getOption().orElse(0) + 1;
        state.update(n);
        return n % 2 == 0 ? null : key + ":" + n + ":" + value.orElse(-1L);
    }

    private static double[] addSquares(double[] acc, double x) {
        acc[0] += x;
        acc[1] += x * x;
        acc[2] += 1;
        return acc;
    }

    private static double[] merge(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    private static Path writeLines(Path file, int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append("line ").append(i * 37 % 101).append('\n');
        }
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every case, in a fixed order. */
    public static List<Case> all() {
        List<Case> c = new ArrayList<>();
        add(c, "map", "map(Function)", (in, d) -> in.map(x -> x * 3 + 1));
        add(c, "filter", "filter(Predicate)", (in, d) -> in.filter(x -> x % 3 != 0));
        add(c, "flatMap", "flatMap(FlatMapFunction)", (in, d) -> in.flatMap(x -> List.of(x, -x)));
        add(c, "mapPartitions", "mapPartitions(FlatMapFunction)", (in, d) -> in.mapPartitions(it -> {
            long s = 0;
            while (it.hasNext()) {
                s += it.next();
            }
            return List.of(s);
        }));
        add(c, "mapToPair", "mapToPair(PairFunction)", (in, d) -> in.mapToPair(x -> Pair.of("k" + x % 4, x)));
        add(c, "repartition", "repartition(int)", (in, d) -> in.map(x -> x * 2).repartition(5));
        add(c, "cache", "cache()", (in, d) -> {
            DStream<Integer> tripled = in.map(x -> x * 3).cache();
            return tripled.union(tripled.filter(x -> x % 2 == 0));
        });
        add(c, "union", "union(DStream)", (in, d) -> in.map(x -> x + 1).union(in.filter(x -> x % 2 == 0)));
        add(c, "transform", "transform(Function)", (in, d) -> in.transform(b -> b.filter(x -> x > 0)
                .mapToPair(x -> Pair.of(x % 3, x)).partitionBy(2).values()));
        add(c, "transform with time", "transform(Function2)", (in, d) -> in.transform((b, t) -> Batch.split(t,
                List.of(Arrays.toString(b.map(x -> x / 7.0).aggregate(() -> new double[3],
                        ConformancePipelines::addSquares, ConformancePipelines::merge)), t.millis()), 1,
                b.executor())));
        add(c, "transform of pair batches", "transform(Function)", (in, d) -> in.transform(b -> {
            PairBatch<Integer, Integer> left = b.mapToPair(x -> Pair.of(x % 5, x));
            PairBatch<Integer, Integer> right = b.filter(x -> x % 2 == 0).mapToPair(x -> Pair.of(x % 5, -x));
            return left.join(right, 2).mapValues(Pair::toString).keys().map(String::valueOf)
                    .union(left.cogroup(right, 3).map(Pair::toString))
                    .union(b.countByValue().map(Pair::toString));
        }));
        add(c, "transform with batch folds", "transform(Function)", (in, d) -> in.transform(b -> {
            long squares = b.aggregatePartitions(() -> 0L, p -> {
                long s = 0;
                for (int x : p) {
                    s += (long) x * x;
                }
                return s;
            }, Long::sum);
            String summary = b.reduce(Math::max) + " " + squares + " " + b.take(3) + " " + b.count() + " "
                    + b.isEmpty() + " " + b.collect().size();
            return b.flatMap(x -> List.of(x, x / 2)).repartition(4)
                    .perPartition(p -> List.of(p.size(), p.isEmpty() ? 0 : p.get(0))).map(String::valueOf)
                    .union(Batch.split(b.time(), List.of(summary), 2, b.executor()))
                    .union(b.mapToPair(x -> Pair.of(x % 3, x)).reduceByKey(Math::min).keys().map(String::valueOf));
        }));
        add(c, "count", "count()", (in, d) -> in.map(x -> x + 1).count());
        add(c, "reduce", "reduce(Function2)", (in, d) -> in.map(x -> (long) x).reduce(Long::sum));
        add(c, "countByValue", "countByValue()", (in, d) -> in.map(x -> x % 11).countByValue());
        add(c, "countByValue into partitions", "countByValue(int)", (in, d) -> in.map(x -> x % 11).countByValue(4));
        add(c, "window", "window(Duration)", (in, d) -> in.map(x -> x % 3).window(B2).countByValue());
        add(c, "window with slide", "window(Duration,Duration)", (in, d) -> in.window(B3, B2).map(x -> x - 1));
        add(c, "reduceByWindow", "reduceByWindow(Function2,Duration,Duration)",
                (in, d) -> in.map(x -> (long) x).reduceByWindow(Long::sum, B3, B2));
        add(c, "reduceByWindow with inverse", "reduceByWindow(Function2,Function2,Duration,Duration)",
                (in, d) -> in.map(x -> (long) x).reduceByWindow(Long::sum, (a, b) -> a - b, B3, B1));
        add(c, "countByWindow", "countByWindow(Duration,Duration)", (in, d) -> in.countByWindow(B2, B1));
        add(c, "countByValueAndWindow", "countByValueAndWindow(Duration,Duration)",
                (in, d) -> in.map(x -> x % 5).countByValueAndWindow(B2, B1));
        add(c, "countByValueAndWindow into partitions", "countByValueAndWindow(Duration,Duration,int)",
                (in, d) -> in.map(x -> x % 7).countByValueAndWindow(B3, B1, 2));
        add(c, "print", List.of("print()"), "\n-------------------------------------------\nTime: ", (in, d) -> {
            in.map(x -> x * 5).print();
            return in.count();
        });
        add(c, "print n", List.of("print(int)"), "\n...\n", (in, d) -> {
            in.filter(x -> x % 2 == 1).print(3);
            return in.count();
        });
        add(c, "saveAsTextFiles", List.of("saveAsTextFiles(String,String)"), ".txt/part-00002:\nr", (in, d) -> {
            DStream<String> out = in.map(x -> "r" + x);
            out.saveAsTextFiles(d.resolve("batch").toString(), "txt");
            return out;
        });
        add(c, "foreachBatch", "foreachBatch(VoidFunction2)", (in, d) -> in.map(x -> x * x));
        add(c, "fromIterable source", List.of(), "", (in, d) -> in.context()
                .fromIterable(IntStream.range(0, 250).boxed().toList(), 70).map(x -> x * 3));
        add(c, "generated source", List.of(), "", (in, d) -> in.context()
                .source(new GeneratedSource<>(7, 55, 260, (i, r) -> (int) (i % 9) * 100 + r.nextInt(100)))
                .mapToPair(x -> Pair.of(x / 100, (long) x)).reduceByKey(Long::sum));
        add(c, "textFileReplay source", List.of(), "", (in, d) -> in.context()
                .textFileReplay(writeLines(d.resolve("lines.txt"), 230), 60).map(String::length).countByValue());
        pairs(c);
        state(c);
        return c;
    }

    private static void pairs(List<Case> c) {
        add(c, "PairDStream.of", "of(DStream)", (in, d) -> PairDStream.of(in.map(x -> Pair.of(x % 4, x)))
                .groupByKey());
        add(c, "reduceByKey", "reduceByKey(Function2)", (in, d) -> keyed(in, 7).reduceByKey(Long::sum));
        add(c, "reduceByKey into partitions", "reduceByKey(Function2,int)",
                (in, d) -> keyed(in, 7).reduceByKey(Long::max, 5));
        add(c, "groupByKey", "groupByKey()", (in, d) -> in.mapToPair(x -> Pair.of("k" + x % 4, x)).groupByKey());
        add(c, "groupByKey into partitions", "groupByKey(int)", (in, d) -> keyed(in, 9).groupByKey(2));
        add(c, "combineByKey", "combineByKey(Function,Function2,Function2,int)", (in, d) -> keyed(in, 6)
                .combineByKey(v -> List.of(v), (List<Long> l, Long v) -> {
                    List<Long> out = new ArrayList<>(l);
                    out.add(v);
                    return out;
                }, (List<Long> a, List<Long> b) -> {
                    List<Long> out = new ArrayList<>(a);
                    out.addAll(b);
                    return out;
                }, 4));
        add(c, "mapValues", "mapValues(Function)", (in, d) -> keyed(in, 5).mapValues(v -> v * 1.5));
        add(c, "flatMapValues", "flatMapValues(FlatMapFunction)",
                (in, d) -> keyed(in, 5).flatMapValues(v -> v % 2 == 0 ? List.of(v, v / 2) : List.of()));
        add(c, "join", "join(PairDStream)", (in, d) -> keyed(in, 5).join(in.filter(x -> x % 2 == 0)
                .mapToPair(x -> Pair.of(Math.floorMod(x, 5), -x))));
        add(c, "leftOuterJoin", "leftOuterJoin(PairDStream)", (in, d) -> in.mapToPair(x -> Pair.of(x % 6, x))
                .leftOuterJoin(in.filter(x -> x % 4 == 0).mapToPair(x -> Pair.of(x % 6, 1))));
        add(c, "cogroup", "cogroup(PairDStream)", (in, d) -> keyed(in, 8)
                .cogroup(in.filter(x -> x % 3 == 0).mapToPair(x -> Pair.of(Math.floorMod(x, 8), "v" + x))));
        add(c, "right and full outer joins", List.of("rightOuterJoin(PairDStream)", "fullOuterJoin(PairDStream)"),
                "Optional.empty", (in, d) -> {
                    PairDStream<Integer, Long> left = keyed(in.filter(x -> x % 3 != 0), 7);
                    PairDStream<Integer, Integer> right = in.filter(x -> x % 2 == 0).mapToPair(x -> Pair.of(x % 9, x));
                    return left.rightOuterJoin(right).map(Pair::toString)
                            .union(left.fullOuterJoin(right).map(Pair::toString));
                });
        add(c, "joins into partitions", List.of("join(PairDStream,int)", "leftOuterJoin(PairDStream,int)",
                "rightOuterJoin(PairDStream,int)", "fullOuterJoin(PairDStream,int)", "cogroup(PairDStream,int)"),
                "", (in, d) -> {
                    PairDStream<Integer, Long> left = keyed(in, 5);
                    PairDStream<Integer, Long> right = keyed(in.filter(x -> x % 3 == 0), 4);
                    return left.join(right, 3).map(Pair::toString)
                            .union(left.leftOuterJoin(right, 3).map(Pair::toString))
                            .union(left.rightOuterJoin(right, 3).map(Pair::toString))
                            .union(left.fullOuterJoin(right, 3).map(Pair::toString))
                            .union(left.cogroup(right, 3).map(Pair::toString));
                });
        add(c, "groupByKeyAndWindow", "groupByKeyAndWindow(Duration,Duration)",
                (in, d) -> keyed(in, 4).groupByKeyAndWindow(B2, B1));
        add(c, "groupByKeyAndWindow into partitions", "groupByKeyAndWindow(Duration,Duration,int)",
                (in, d) -> keyed(in, 4).groupByKeyAndWindow(B3, B2, 2));
        add(c, "reduceByKeyAndWindow", "reduceByKeyAndWindow(Function2,Duration,Duration)",
                (in, d) -> keyed(in, 4).reduceByKeyAndWindow(Long::sum, B3, B1));
        add(c, "reduceByKeyAndWindow into partitions", "reduceByKeyAndWindow(Function2,Duration,Duration,int)",
                (in, d) -> keyed(in, 6).reduceByKeyAndWindow(Long::sum, B2, B2, 4));
        add(c, "reduceByKeyAndWindow with inverse", "reduceByKeyAndWindow(Function2,Function2,Duration,Duration)",
                (in, d) -> keyed(in, 4).reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, B3, B1));
        add(c, "reduceByKeyAndWindow with inverse and filter",
                "reduceByKeyAndWindow(Function2,Function2,Duration,Duration,int,Predicate)",
                (in, d) -> in.mapToPair(x -> Pair.of(Math.floorMod(x, 9), 1L))
                        .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, B2, B1, 2, kv -> kv.value() != 0L));
    }

    private static void state(List<Case> c) {
        add(c, "updateStateByKey removing keys", "updateStateByKey(Function2)",
                (in, d) -> keyed(in, 13).updateStateByKey(ConformancePipelines::countUpToTen));
        add(c, "updateStateByKey into partitions", "updateStateByKey(Function2,int)",
                (in, d) -> keyed(in, 5).updateStateByKey((List<Long> vs, Optional<Long> s) -> Optional.of(
                        s.orElse(0L) + vs.stream().mapToLong(Long::longValue).sum()), 2));
        add(c, "updateStateByKey from an initial state", "updateStateByKey(Function2,int,Map)",
                (in, d) -> keyed(in, 6).updateStateByKey((List<Long> vs, Optional<String> s) -> Optional.of(
                        s.orElse("") + vs.size() + ";"), 4, Map.of(1, "one;", 40, "forty;")));
        add(c, "mapWithState with timeout", List.of("mapWithState(StateSpec)"), "timeout ",
                (in, d) -> keyed(in, 37).mapWithState(StateSpec.function(ConformancePipelines::runningSum)
                        .timeout(B2)));
        add(c, "mapWithState snapshots with timeout", "stateSnapshots()", (in, d) -> keyed(in, 37).mapWithState(
                StateSpec.function(ConformancePipelines::runningSum).timeout(B2).numPartitions(2)).stateSnapshots());
        add(c, "mapWithState from an initial state", "mapWithState(StateSpec)", (in, d) -> {
            MapWithStateDStream<Integer, Long, Integer, String> m = keyed(in, 11).mapWithState(
                    StateSpec.function(ConformancePipelines::countWithInitial).initialState(Map.of(3, 10, 50, 1))
                            .numPartitions(4));
            return m.union(m.stateSnapshots().map(Pair::toString));
        });
    }

    private static void add(List<Case> cases, String name, String covers, Pipeline p) {
        add(cases, name, List.of(covers), "", p);
    }

    private static void add(List<Case> cases, String name, List<String> covers, String expect, Pipeline p) {
        cases.add(new Case(name, covers, expect, p));
    }
}
