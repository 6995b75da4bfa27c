package org.streamml.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.streamml.datasets.tweets.Mood;
import org.streamml.datasets.tweets.Tweet;
import org.streamml.datasets.tweets.TweetGenerator;
import org.streamml.streaming.Pair;

class HashtagsDemoTest {
    /** Where the tests' charts go (not the demo's own demo-out/hashtags in the module's folder). */
    private static final Path CHARTS = Path.of("target", "hashtags-test-charts");
    private static final DemoSettings SMALL = DemoSettings.defaults().withBatches(18).withRecordsPerSecond(40)
            .withPartitions(3).withChartsDir(CHARTS);

    /** The top ten of every window computed directly from the generator, without the engine. */
    private static Map<Long, List<Pair<String, Long>>> expectedTops(TweetGenerator g, int batches) {
        List<Tweet> tweets = new ArrayList<>();
        g.forEach(tweets::add);
        Map<Long, List<Pair<String, Long>>> out = new TreeMap<>();
        for (int b = 1; b <= batches; b++) {
            long end = b * HashtagsDemo.BATCH.toMillis();
            Map<String, Long> counts = new HashMap<>();
            for (Tweet t : tweets) {
                // A batch ending at B holds the tweets of [B - 5 s, B); the window ending at T holds 12 batches.
                if (t.timeMillis() >= end - HashtagsDemo.WINDOW.toMillis() && t.timeMillis() < end) {
                    t.hashtags().forEach(h -> counts.merge(h, 1L, Long::sum));
                }
            }
            List<Pair<String, Long>> pairs = new ArrayList<>();
            counts.forEach((k, v) -> pairs.add(Pair.of(k, v)));
            out.put(end, HashtagsDemo.top(pairs, 10));
        }
        return out;
    }

    @Test
    void shouldMatchADirectComputationOfWindowsMoodsAndCountries() throws Exception {
        StringWriter text = new StringWriter();
        HashtagsDemo.Result r = new HashtagsDemo().execute(SMALL, new PrintWriter(text));
        TweetGenerator g = HashtagsDemo.generator(SMALL);
        assertEquals(18, r.batches());
        assertEquals(18 * 200, r.tweets());
        assertEquals(expectedTops(g, 18), new TreeMap<>(r.topByWindow()));
        assertTrue(Files.size(CHARTS.resolve("hashtags-window.png")) > 0, "the window chart is written");

        Map<String, Integer> moods = new HashMap<>();
        for (Tweet t : g) {
            moods.merge(t.user(), Mood.score(t.text()), Integer::sum);
        }
        assertEquals(moods, r.moodByUser());
        Map<String, HashtagsDemo.CountryMood> byCountry = new HashMap<>();
        moods.forEach((user, m) -> byCountry.merge(g.userCountries().get(user), new HashtagsDemo.CountryMood(1, m),
                (a, b) -> new HashtagsDemo.CountryMood(a.users() + b.users(), a.moodTotal() + b.moodTotal())));
        assertEquals(byCountry, r.moodByCountry());
        assertTrue(text.toString().startsWith("Top hashtags, 60 s window ending at 0:05\n   1. "), text.toString());
    }

    @Test
    void shouldNotDependOnThePartitionCount() throws Exception {
        HashtagsDemo.Result one = new HashtagsDemo().execute(SMALL.withPartitions(1).withBatches(8),
                new PrintWriter(new StringWriter()));
        HashtagsDemo.Result seven = new HashtagsDemo().execute(SMALL.withPartitions(7).withBatches(8),
                new PrintWriter(new StringWriter()));
        assertEquals(one.topByWindow(), seven.topByWindow());
        assertEquals(one.moodByUser(), seven.moodByUser());
        assertEquals(one.moodByCountry(), seven.moodByCountry());
    }

    @Test
    void shouldMakeTheTrendingTagLeadDuringTheBurst() throws Exception {
        HashtagsDemo.Result r = new HashtagsDemo().execute(DemoSettings.defaults().withChartsDir(CHARTS).withRecordsPerSecond(50),
                new PrintWriter(new StringWriter()));
        assertEquals(r.trendingTag(), r.topByWindow().get(85_000L).get(0).key());
        assertTrue(r.topByWindow().get(20_000L).stream().noneMatch(kv -> kv.key().equals(r.trendingTag())));
    }
}
