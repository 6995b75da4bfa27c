// StreamML quick start: a stream of micro-batches, transformations, and an output operation.
// Run it with `./streamml notebook quickstart` (interactive) or `./streamml notebook --run quickstart`.
import java.time.Duration;
import org.streamml.streaming.*;
import java.util.*;
import java.util.concurrent.*;

// A manual clock makes batches fire when we say so: no waiting, fully reproducible.
ManualClock clock = new ManualClock();
StreamingContext ssc = new StreamingContext(StreamingContext.Options.defaults()
        .withBatchInterval(Duration.ofSeconds(1)).withClock(clock).withDefaultPartitions(2));

// A queue source hands the engine one list of records per batch.
ConcurrentLinkedQueue<List<String>> lines = new ConcurrentLinkedQueue<>();
lines.add(List.of("to be or not to be", "that is the question"));
lines.add(List.of("be quick"));

// Transformations are lazy; countByValue hash-partitions words by key.
// (In jshell a line that is a complete statement runs at once, so chains end lines with a dot.)
List<String> seen = new CopyOnWriteArrayList<>();
ssc.queueStream(lines).
    flatMap(line -> Arrays.asList(line.split(" "))).
    countByValue().
    foreachBatch((batch, time) -> batch.collect().forEach(kv -> seen.add(time.millis() + " " + kv)));

ssc.start();
clock.advance(1000);                               // batch 1 runs
ssc.awaitBatch(Time.ofMillis(1000), 10_000);
clock.advance(1000);                               // batch 2 runs
ssc.awaitBatch(Time.ofMillis(2000), 10_000);
ssc.stop(true);

// Check what we computed: "be" appears twice in batch 1 and once in batch 2.
if (!seen.contains("1000 (be,2)") || !seen.contains("2000 (be,1)")) throw new AssertionError(seen);
System.out.println("word counts per batch: " + seen.size() + " rows");
