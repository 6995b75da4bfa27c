package org.streamml.datasets.tweets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TweetGeneratorTest {
    private static final TweetGenerator.Options SMALL = TweetGenerator.Options.defaults().withCount(2000)
            .withTweetsPerSecond(20).withBurst(40_000, 30_000, 0.35);

    private static List<Tweet> all(TweetGenerator g) {
        List<Tweet> out = new ArrayList<>();
        g.forEach(out::add);
        return out;
    }

    @Test
    void shouldRepeatTheSameTweetsForTheSameSeed() {
        List<Tweet> a = all(new TweetGenerator(SMALL));
        TweetGenerator g = new TweetGenerator(SMALL);
        assertEquals(a, all(g));
        assertEquals(a, all(g), "each iterator starts over");
        assertNotEquals(a, all(new TweetGenerator(SMALL.withSeed(7))));
        assertEquals(2000, a.size());
    }

    @Test
    void shouldPostAtTheConfiguredRateWithOneToThreeDistinctHashtags() {
        List<Tweet> tweets = all(new TweetGenerator(SMALL.withStartMillis(5000)));
        assertEquals(5000, tweets.get(0).timeMillis());
        assertEquals(5000 + 50, tweets.get(1).timeMillis());
        assertEquals(5000 + 1999 * 50, tweets.get(1999).timeMillis());
        for (Tweet t : tweets) {
            List<String> tags = t.hashtags();
            assertTrue(tags.size() >= 1 && tags.size() <= 3, t.text());
            assertEquals(tags.size(), tags.stream().distinct().count(), t.text());
            assertTrue(t.user().matches("user\\d{4}"), t.user());
        }
    }

    @Test
    void shouldMakePopularTagsFollowZipfAndTrendDuringTheBurst() {
        TweetGenerator g = new TweetGenerator(SMALL);
        Map<String, Integer> outside = new HashMap<>();
        Map<String, Integer> during = new HashMap<>();
        for (Tweet t : g) {
            boolean burst = t.timeMillis() >= 40_000 && t.timeMillis() < 70_000;
            for (String tag : t.hashtags()) {
                (burst ? during : outside).merge(tag, 1, Integer::sum);
            }
        }
        assertTrue(outside.get("#java") > 3 * outside.getOrDefault("#streaming", 0) / 2,
                "rank 1 is clearly ahead of rank 2: " + outside);
        assertTrue(outside.getOrDefault(g.trendingTag(), 0) < outside.get("#java") / 10, outside.toString());
        int top = during.values().stream().max(Integer::compare).orElseThrow();
        assertEquals(top, during.get(g.trendingTag()), "the trending tag leads during the burst: " + during);
    }

    @Test
    void shouldStreamEndlesslyWhenUnbounded() {
        Iterator<Tweet> it = new TweetGenerator(SMALL.withCount(-1)).iterator();
        for (int i = 0; i < 5000; i++) {
            it.next();
        }
        assertTrue(it.hasNext());
        Iterator<Tweet> sized = new TweetGenerator(SMALL.withCount(0)).iterator();
        assertFalse(sized.hasNext());
        assertThrows(java.util.NoSuchElementException.class, sized::next);
    }

    @Test
    void shouldGiveEveryUserACountryAndScoreMood() {
        TweetGenerator g = new TweetGenerator(SMALL);
        assertEquals(500, g.userCountries().size());
        assertEquals(2, Mood.score("love good train #java"));
        assertEquals(-1, Mood.score("awful day love hate"));
        assertEquals("10,user0001,\"say \"\"hi\"\" #x\"", new Tweet("user0001", "say \"hi\" #x", 10).toCsv());
    }

    @Test
    void shouldRejectBadOptions() {
        assertEquals("users must be >= 1: 0", assertThrows(IllegalArgumentException.class,
                () -> SMALL.withUsers(0)).getMessage());
        assertEquals("burst share must be in [0, 1]: 1.5", assertThrows(IllegalArgumentException.class,
                () -> SMALL.withBurst(0, 10, 1.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> SMALL.withTweetsPerSecond(0));
    }
}
