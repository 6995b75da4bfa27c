package org.streamml.demos;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.streamml.datasets.tweets.Mood;
import org.streamml.datasets.tweets.Tweet;
import org.streamml.datasets.tweets.TweetGenerator;
import org.streamml.streaming.Batch;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.Checkpointed;
import org.streamml.streaming.Clock;
import org.streamml.streaming.DStream;
import java.time.Duration;
import org.streamml.streaming.FastForwardClock;
import org.streamml.streaming.Pair;
import org.streamml.streaming.PairBatch;
import org.streamml.streaming.PairDStream;
import org.streamml.streaming.ExecutorSettings;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import org.streamml.viz.live.LiveLines;

/**
 * The hashtag demo, Spark Streaming's classic example: synthetic tweets in 5-second batches, hashtags
 * counted over a sliding 60-second window with the top ten printed every slide, a running mood score
 * per user kept with {@code updateStateByKey}, and each batch of that state joined through
 * {@code transform} with a static user-to-country table to give the mood by country.
 */
public final class HashtagsDemo implements Demo {
    /** The batch interval and the window's slide. */
    public static final Duration BATCH = Duration.ofSeconds(5);
    /** The window over which hashtags are counted. */
    public static final Duration WINDOW = Duration.ofSeconds(60);
    /** Tweets per second of stream time unless the settings say otherwise. */
    public static final double DEFAULT_RATE = 200;
    /** The demo's name: its charts go to {@code demo-out/hashtags} by default. */
    public static final String NAME = "hashtags";

    /** A country's users and the sum of their mood scores. */
    public record CountryMood(long users, long moodTotal) {
    }

    /**
     * What a run found.
     *
     * @param topByWindow the top ten {@code (hashtag, count)} of each window, by window end time (ms)
     * @param moodByUser every user's final mood score
     * @param moodByCountry the last batch's mood by country
     * @param tweets tweets processed
     * @param batches batches run
     * @param processingNanos the sum of the batches' processing times
     * @param trendingTag the tag the generator made trend
     */
    public record Result(Map<Long, List<Pair<String, Long>>> topByWindow, Map<String, Integer> moodByUser,
                         Map<String, CountryMood> moodByCountry, long tweets, int batches, long processingNanos,
                         String trendingTag) {
    }

    @Override
    public String description() {
        return "top hashtags over a sliding window, mood per user and per country, from synthetic tweets";
    }

    @Override
    public int run(DemoSettings settings, PrintWriter out) throws Exception {
        Result r = execute(settings, out);
        printSummary(r, out);
        return 0;
    }

    /** The generator a run with {@code settings} replays. */
    public static TweetGenerator generator(DemoSettings settings) {
        double rate = rate(settings);
        long perBatch = Math.max(1, Math.round(rate * BATCH.toMillis() / 1000.0));
        return new TweetGenerator(TweetGenerator.Options.defaults().withSeed(settings.seed())
                .withTweetsPerSecond(rate).withCount(perBatch * settings.batchesFor(BATCH.toMillis())));
    }

    private static double rate(DemoSettings settings) {
        return settings.recordsPerSecond() > 0 ? settings.recordsPerSecond() : DEFAULT_RATE;
    }

    /** Runs the pipeline, printing the top hashtags of every window to {@code out}, and returns its results. */
    public Result execute(DemoSettings settings, PrintWriter out) throws InterruptedException {
        TweetGenerator generator = generator(settings);
        Clock clock = settings.realTime() ? Clock.system() : new FastForwardClock();
        StreamingContext ssc = settings.newContext(settings.onMaster(StreamingContext.Options.defaults()
                .withBatchInterval(BATCH).withClock(clock).withDefaultPartitions(settings.partitions()),
                Math.min(settings.partitions(), Runtime.getRuntime().availableProcessors()),
                ExecutorSettings.defaults()));
        Map<Long, List<Pair<String, Long>>> tops = new ConcurrentSkipListMap<>();
        Map<String, Integer> moods = new TreeMap<>();
        Map<String, CountryMood> countries = new TreeMap<>();
        long[] totals = new long[3];   // tweets, processing nanoseconds, batches; on the scheduler thread
        DemoCharts charts;
        try {
            charts = DemoCharts.open(settings, NAME, 900, 450, 5);
        } catch (RuntimeException e) {
            ssc.close();
            throw e;
        }
        charts.dashboardUri().ifPresent(u -> out.println("Live dashboard: " + u));
        charts.attachBatchMetrics(ssc);
        LiveLines windowChart = charts.add(LiveLines.metrics("hashtags-window",
                "Hashtags: the sliding window's top hashtag and its distinct hashtags, per batch",
                List.of("count of the top hashtag", "distinct hashtags"), 10_000));
        int[] windows = new int[1];
        ssc.addStreamingListener(new StreamingListener() {
            @Override
            public void onBatchCompleted(BatchInfo info) {
                totals[0] += info.records();
                totals[1] += info.processingNanos();
                totals[2]++;
            }
        });
        DStream<Tweet> stream = ssc.fromIterableAtRate(generator, rate(settings));

        stream.flatMap(Tweet::hashtags).window(WINDOW, BATCH).countByValue().foreachBatch((b, t) -> {
            List<Pair<String, Long>> counts = b.collect();
            List<Pair<String, Long>> top = top(counts, 10);
            tops.put(t.millis(), top);
            windowChart.append(++windows[0], top.isEmpty() ? 0 : top.get(0).value(), counts.size());
            windowChart.publish();
            // the window's end as time since the stream's start; a real-time run adds the date
            printWindow(out, t.millis() - ssc.zeroTime().millis(), settings.realTime() ? settings.batchTime(t) : null,
                    top);
        });

        PairDStream<String, Integer> mood = stream.mapToPair(tw -> Pair.of(tw.user(), Mood.score(tw.text())))
                .updateStateByKey(HashtagsDemo::addMood);
        mood.foreachBatch((b, t) -> {
            synchronized (moods) {
                moods.clear();
                b.collect().forEach(kv -> moods.put(kv.key(), kv.value()));
            }
        });

        List<Pair<String, String>> userCountry = new ArrayList<>();
        generator.userCountries().forEach((u, c) -> userCountry.add(Pair.of(u, c)));
        List<Pair<String, String>> table = List.copyOf(userCountry);
        PairDStream.of(mood.transform(b -> PairBatch.of(b).join(PairBatch.of(
                        Batch.split(b.time(), table, b.numPartitions(), b.executor())))))
                .mapToPair(kv -> Pair.of(kv.value().value(), new long[] {1, kv.value().key()}))
                .reduceByKey((a, c) -> new long[] {a[0] + c[0], a[1] + c[1]})
                .foreachBatch((b, t) -> {
                    synchronized (countries) {
                        countries.clear();
                        b.collect().forEach(kv -> countries.put(kv.key(),
                                new CountryMood(kv.value()[0], kv.value()[1])));
                    }
                });

        ssc.registerCheckpointed(Checkpointed.of("HashtagsDemo results", () -> {
            synchronized (moods) {
                synchronized (countries) {
                    return new Progress(new TreeMap<>(tops), new TreeMap<>(moods), new TreeMap<>(countries),
                            totals.clone());
                }
            }
        }, state -> {
            Progress p = (Progress) state;
            tops.putAll(p.tops());
            moods.putAll(p.moods());
            countries.putAll(p.countries());
            System.arraycopy(p.totals(), 0, totals, 0, totals.length);
        }));
        try {
            settings.start(ssc, out);
            ssc.awaitTermination();
        } finally {
            try {
                ssc.close();
            } finally {
                charts.close();
                out.flush();
            }
        }
        synchronized (moods) {
            synchronized (countries) {
                return new Result(Map.copyOf(tops), Map.copyOf(moods), Map.copyOf(countries), totals[0],
                        (int) totals[2], totals[1], generator.trendingTag());
            }
        }
    }

    /**
     * What a checkpoint keeps of the demo's results (the windows and the users' moods are in it as state).
     *
     * @param tops the top hashtags of every window so far, by the window's end
     * @param moods the latest mood total of every user
     * @param countries the latest mood of every country
     * @param totals tweets, processing nanoseconds and batches so far
     */
    record Progress(Map<Long, List<Pair<String, Long>>> tops, Map<String, Integer> moods,
                    Map<String, CountryMood> countries, long[] totals) {
    }

    private static Optional<Integer> addMood(List<Integer> scores, Optional<Integer> previous) {
        int sum = previous.orElse(0);
        for (int s : scores) {
            sum += s;
        }
        return Optional.of(sum);
    }

    /** The {@code n} highest counts, ties broken by tag. */
    public static List<Pair<String, Long>> top(List<Pair<String, Long>> counts, int n) {
        List<Pair<String, Long>> sorted = new ArrayList<>(counts);
        sorted.sort(Comparator.comparing((Pair<String, Long> kv) -> -kv.value()).thenComparing(Pair::key));
        return List.copyOf(sorted.subList(0, Math.min(n, sorted.size())));
    }

    private static String clock(long millis) {
        long s = millis / 1000;
        return String.format("%d:%02d", s / 60, s % 60);
    }

    private static void printWindow(PrintWriter out, long end, String date, List<Pair<String, Long>> top) {
        StringBuilder sb = new StringBuilder();
        sb.append("Top hashtags, ").append(WINDOW.toMillis() / 1000).append(" s window ending at ")
                .append(clock(end)).append(date == null ? "" : " (" + date + ")").append('\n');
        for (int i = 0; i < top.size(); i++) {
            sb.append(String.format("  %2d. %-14s %6d%n", i + 1, top.get(i).key(), top.get(i).value()));
        }
        out.print(sb);
        out.flush();
    }

    private static void printSummary(Result r, PrintWriter out) {
        double seconds = r.processingNanos() / 1e9;
        out.println();
        out.println("Summary");
        out.printf("  batches: %d of %d s, tweets: %,d, processing: %.3f s (%,.0f tweets/s)%n", r.batches(),
                BATCH.toMillis() / 1000, r.tweets(), seconds, seconds > 0 ? r.tweets() / seconds : 0.0);
        int bestRank = Integer.MAX_VALUE;
        long bestAt = -1;
        for (Map.Entry<Long, List<Pair<String, Long>>> e : new TreeMap<>(r.topByWindow()).entrySet()) {
            for (int i = 0; i < e.getValue().size(); i++) {
                if (e.getValue().get(i).key().equals(r.trendingTag()) && i + 1 < bestRank) {
                    bestRank = i + 1;
                    bestAt = e.getKey();
                }
            }
        }
        out.println(bestAt < 0 ? "  trending: " + r.trendingTag() + " never reached the top ten"
                : "  trending: " + r.trendingTag() + " rose to rank " + bestRank + " in the window ending at "
                + clock(bestAt));
        List<Map.Entry<String, Integer>> users = new ArrayList<>(r.moodByUser().entrySet());
        users.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        out.println("  happiest users: " + describe(users.subList(0, Math.min(3, users.size()))));
        List<Map.Entry<String, Integer>> gloomy = new ArrayList<>(users.subList(Math.max(0, users.size() - 3),
                users.size()));
        java.util.Collections.reverse(gloomy);
        out.println("  gloomiest users: " + describe(gloomy));
        out.println("  mood by country (users, total, mean):");
        new TreeMap<>(r.moodByCountry()).forEach((c, m) -> out.printf("    %s %4d %+6d %+6.2f%n", c, m.users(),
                m.moodTotal(), m.users() == 0 ? 0.0 : (double) m.moodTotal() / m.users()));
        out.flush();
    }

    private static String describe(List<Map.Entry<String, Integer>> entries) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : entries) {
            parts.add(String.format("%s (%+d)", e.getKey(), e.getValue()));
        }
        return String.join(", ", parts);
    }
}
