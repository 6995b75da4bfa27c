package org.streamml.streaming;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where a {@link ReplayableSource} stands: for each of the source's own partitions, the position of the
 * next record it will give. An immutable value, so a batch, a checkpoint or a log line can keep it.
 *
 * <p>A source partition is whatever the source reads in order on its own: a file (one partition), a
 * generator's index range (one), a Kafka topic-partition (one each, named {@code topic-3}). Partitions are
 * named with the characters {@code [A-Za-z0-9._-]} and kept in name order; positions are {@code >= 0}
 * and count records (or whatever unit the source documents, such as a Kafka offset). A single-partition
 * source uses {@link #of(long)}, whose partition is named {@value #SINGLE}.
 *
 * <p>Offsets print as {@code {0=42}} or {@code {orders-0=17, orders-1=5}}, and {@link #parse} reads that
 * form back. They are ordered partition by partition in name order ({@link #compareTo}), an order that
 * extends the per-partition one: offsets whose every position is at most another's sort before it.
 * Use {@link #isAtOrAfter} to ask whether every partition has reached a position.
 *
 * <pre>{@code
 * SourceOffsets start = SourceOffsets.of(Map.of("orders-0", 0L, "orders-1", 0L));
 * SourceOffsets later = start.with("orders-1", 250);
 * later.isAtOrAfter(start);      // true
 * later.recordsSince(start);     // 250
 * SourceOffsets.parse(later.toString()).equals(later);  // true
 * }</pre>
 */
public final class SourceOffsets implements Comparable<SourceOffsets> {
    /** The partition name of a single-partition source. */
    public static final String SINGLE = "0";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final SourceOffsets START = of(0);

    private final SortedMap<String, Long> positions;

    private SourceOffsets(SortedMap<String, Long> positions) {
        this.positions = Collections.unmodifiableSortedMap(positions);
    }

    /** The offsets of a single-partition source at {@code position} (>= 0). */
    public static SourceOffsets of(long position) {
        return of(Map.of(SINGLE, position));
    }

    /** The start of a single-partition source: position 0. */
    public static SourceOffsets start() {
        return START;
    }

    /** Offsets with the position of each named partition; at least one partition. */
    public static SourceOffsets of(Map<String, Long> positions) {
        Objects.requireNonNull(positions, "positions");
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("offsets need at least one partition: {}");
        }
        SortedMap<String, Long> copy = new TreeMap<>();
        for (Map.Entry<String, Long> e : positions.entrySet()) {
            copy.put(checkName(e.getKey()), checkPosition(e.getKey(), e.getValue()));
        }
        return new SourceOffsets(copy);
    }

    /**
     * Reads offsets printed by {@link #toString()}, such as {@code {0=42}}.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static SourceOffsets parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith("{") || !text.endsWith("}") || text.length() < 3) {
            throw new IllegalArgumentException("offsets must look like {partition=position, ...}: " + text);
        }
        SortedMap<String, Long> parsed = new TreeMap<>();
        for (String entry : text.substring(1, text.length() - 1).split(", ", -1)) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected partition=position in offsets " + text + ": " + entry);
            }
            String name = entry.substring(0, eq);
            long position;
            try {
                position = Long.parseLong(entry.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole-number position in offsets " + text + ": "
                        + entry, e);
            }
            if (parsed.put(checkName(name), checkPosition(name, position)) != null) {
                throw new IllegalArgumentException("partition " + name + " appears twice in offsets " + text);
            }
        }
        return new SourceOffsets(parsed);
    }

    /** The partition names, in order. */
    public SortedSet<String> partitions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(positions.keySet()));
    }

    /** How many partitions these offsets cover. */
    public int numPartitions() {
        return positions.size();
    }

    /** The position of {@code partition}. */
    public long position(String partition) {
        Long p = positions.get(Objects.requireNonNull(partition, "partition"));
        if (p == null) {
            throw new IllegalArgumentException("no partition " + partition + " in offsets " + this);
        }
        return p;
    }

    /**
     * The position of a single-partition source's offsets; the check a single-partition source makes on
     * the offsets it is asked to seek to.
     *
     * @throws IllegalArgumentException if these offsets are not one partition named {@value #SINGLE}
     */
    public long singlePosition() {
        if (positions.size() != 1 || !positions.containsKey(SINGLE)) {
            throw new IllegalArgumentException("expected the offsets of a single-partition source ({" + SINGLE
                    + "=position}): " + this);
        }
        return positions.get(SINGLE);
    }

    /** A copy with {@code partition} at {@code position} (added if new). */
    public SourceOffsets with(String partition, long position) {
        SortedMap<String, Long> copy = new TreeMap<>(positions);
        copy.put(checkName(partition), checkPosition(partition, position));
        return new SourceOffsets(copy);
    }

    /** Whether every partition of {@code other} is here too, at a position at or after {@code other}'s. */
    public boolean isAtOrAfter(SourceOffsets other) {
        Objects.requireNonNull(other, "other");
        for (Map.Entry<String, Long> e : other.positions.entrySet()) {
            Long here = positions.get(e.getKey());
            if (here == null || here < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The records between {@code earlier} and these offsets, summed over partitions (a partition new here
     * counts from 0).
     *
     * @throws IllegalArgumentException if {@code earlier} is not at or before these offsets
     */
    public long recordsSince(SourceOffsets earlier) {
        Objects.requireNonNull(earlier, "earlier");
        if (!isAtOrAfter(earlier)) {
            throw new IllegalArgumentException("offsets " + earlier + " are not at or before " + this);
        }
        long n = 0;
        for (Map.Entry<String, Long> e : positions.entrySet()) {
            n += e.getValue() - earlier.positions.getOrDefault(e.getKey(), 0L);
        }
        return n;
    }

    /**
     * Orders offsets partition by partition, in name order: the first partition where they differ
     * decides, a partition missing on one side counting as before every position there.
     */
    @Override
    public int compareTo(SourceOffsets other) {
        Iterator<Map.Entry<String, Long>> a = positions.entrySet().iterator();
        Iterator<Map.Entry<String, Long>> b = other.positions.entrySet().iterator();
        while (a.hasNext() && b.hasNext()) {
            Map.Entry<String, Long> x = a.next();
            Map.Entry<String, Long> y = b.next();
            int byName = x.getKey().compareTo(y.getKey());
            if (byName != 0) {
                // the side that lacks the smaller name is before in that partition
                return byName < 0 ? 1 : -1;
            }
            int byPosition = Long.compare(x.getValue(), y.getValue());
            if (byPosition != 0) {
                return byPosition;
            }
        }
        return Boolean.compare(a.hasNext(), b.hasNext());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceOffsets other && positions.equals(other.positions);
    }

    @Override
    public int hashCode() {
        return positions.hashCode();
    }

    /** The offsets as {@code {partition=position, ...}} in partition order; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return positions.toString();
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "partition");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a partition name must match [A-Za-z0-9._-]+: '" + name + "'");
        }
        return name;
    }

    private static long checkPosition(String name, Long position) {
        Objects.requireNonNull(position, "position of " + name);
        if (position < 0) {
            throw new IllegalArgumentException("position of partition " + name + " must be >= 0: " + position);
        }
        return position;
    }
}
