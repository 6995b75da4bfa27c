package org.streamml.streaming.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.NarrowDependency;
import org.apache.spark.Partition;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.rdd.RDD;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The RDD of one StreamML operation on the Spark executor: partition {@code i} applies the operation's body
 * to task input {@code i}. Every {@link SparkPartition} inside an input is a narrow dependency on the RDD
 * that keeps it, so Spark schedules the task where that block is (preferred locations), reads it from the
 * block manager there, and computes it again from its lineage if its executor was lost.
 */
final class TaskRDD extends RDD<Object> {
    private static final ClassTag<Object> OBJECT = ClassTag$.MODULE$.apply(Object.class);

    /** What a partition computes from its decoded input. */
    @FunctionalInterface
    interface Body extends Serializable {
        /** The records of partition {@code index} for task input {@code input}. */
        Iterator<?> apply(int index, Object input) throws Exception;
    }

    /** One partition: its encoded input and, per kept partition in it, the parent and the parent's partition. */
    static final class InputPartition implements Partition {
        private final int index;
        private final byte[] input;
        private final int[] parent;
        private final int[] parentPartition;

        InputPartition(int index, byte[] input, int[] parent, int[] parentPartition) {
            this.index = index;
            this.input = input;
            this.parent = parent;
            this.parentPartition = parentPartition;
        }

        @Override
        public int index() {
            return index;
        }

        @Override
        public int hashCode() {
            return index;
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }
    }

    /** Partition {@code p} of this RDD reads the parent's partitions {@code parentsOf[p]}. */
    static final class Picks extends NarrowDependency<Object> {
        private final int[][] parentsOf;

        Picks(RDD<Object> parent, int[][] parentsOf) {
            super(parent);
            this.parentsOf = parentsOf;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public scala.collection.immutable.Seq<Object> getParents(int partitionId) {
            List<Object> ps = new ArrayList<>();
            for (int p : parentsOf[partitionId]) {
                ps.add(p);
            }
            return (scala.collection.immutable.Seq) CollectionConverters.asScala(ps).toList();
        }
    }

    private final List<RDD<Object>> parents;
    private final InputPartition[] partitions;
    private final Body body;

    private TaskRDD(SparkContext sc, List<RDD<Object>> parents, int[][][] picks, InputPartition[] partitions,
                    Body body) {
        super(sc, dependencies(parents, picks), OBJECT);
        this.parents = parents;
        this.partitions = partitions;
        this.body = body;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static scala.collection.immutable.Seq<org.apache.spark.Dependency<?>> dependencies(
            List<RDD<Object>> parents, int[][][] picks) {
        List<org.apache.spark.Dependency<?>> deps = new ArrayList<>(parents.size());
        for (int d = 0; d < parents.size(); d++) {
            deps.add(new Picks(parents.get(d), picks[d]));
        }
        return (scala.collection.immutable.Seq) CollectionConverters.asScala(deps).toList();
    }

    /** The RDD of {@code body} over {@code inputs}, one partition per input, in order. */
    @SuppressWarnings("unchecked")
    static TaskRDD over(SparkContext sc, List<?> inputs, Body body) {
        Map<RDD<?>, Integer> parentIds = new IdentityHashMap<>();
        List<RDD<Object>> parents = new ArrayList<>();
        InputPartition[] parts = new InputPartition[inputs.size()];
        List<List<List<Integer>>> picks = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            TaskInputs.Encoded e = TaskInputs.encode(inputs.get(i));
            int[] parent = new int[e.refs().size()];
            int[] parentPartition = new int[e.refs().size()];
            for (int k = 0; k < parent.length; k++) {
                SparkPartition<?> ref = e.refs().get(k);
                int d = parentIds.computeIfAbsent(ref.rdd(), r -> {
                    parents.add((RDD<Object>) r);
                    picks.add(new ArrayList<>());
                    return parents.size() - 1;
                });
                parent[k] = d;
                parentPartition[k] = ref.index();
            }
            parts[i] = new InputPartition(i, e.bytes(), parent, parentPartition);
        }
        int[][][] byParent = new int[parents.size()][parts.length][];
        for (int d = 0; d < parents.size(); d++) {
            for (int i = 0; i < parts.length; i++) {
                List<Integer> mine = new ArrayList<>();
                for (int k = 0; k < parts[i].parent.length; k++) {
                    if (parts[i].parent[k] == d && !mine.contains(parts[i].parentPartition[k])) {
                        mine.add(parts[i].parentPartition[k]);
                    }
                }
                byParent[d][i] = mine.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return new TaskRDD(sc, parents, byParent, parts, body);
    }

    @Override
    public Partition[] getPartitions() {
        return partitions.clone();
    }

    @Override
    @SuppressWarnings("unchecked")
    public scala.collection.Iterator<Object> compute(Partition split, TaskContext context) {
        InputPartition p = (InputPartition) split;
        List<List<?>> records = new ArrayList<>(p.parent.length);
        for (int k = 0; k < p.parent.length; k++) {
            RDD<Object> parent = parents.get(p.parent[k]);
            scala.collection.Iterator<Object> it = parent.iterator(parent.partitions()[p.parentPartition[k]], context);
            List<Object> part = new ArrayList<>();
            while (it.hasNext()) {
                part.add(it.next());
            }
            records.add(part);
        }
        Object input = TaskInputs.decode(p.input, records);
        try {
            return CollectionConverters.asScala((Iterator<Object>) body.apply(p.index, input));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new org.streamml.streaming.StreamingException("task " + p.index + " failed: " + e, e);
        }
    }
}
