package org.streamml.datasets.tweets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A seeded stream of synthetic tweets. Users post at Zipf-like rates; each tweet has three to eight
 * words (mood words more or less likely by the user's temperament, see {@link Mood}) and one to three
 * hashtags drawn with Zipf-like popularity (tag of rank r has weight {@code 1/r^s}). During the burst
 * ({@link Options#burstStartMillis()} for {@link Options#burstMillis()}) a normally rare tag,
 * {@link #trendingTag()}, takes {@link Options#burstShare()} of the hashtags. Tweets come at a fixed
 * rate of stream time. The same seed gives the same tweets; each {@link #iterator()} starts over.
 *
 * <pre>{@code
 * for (Tweet t : new TweetGenerator(TweetGenerator.Options.defaults().withCount(5))) {
 *     System.out.println(t.user() + ": " + t.text());
 * }
 * }</pre>
 */
public final class TweetGenerator implements Iterable<Tweet> {

    /**
     * Settings of the generator.
     *
     * @param seed the random seed
     * @param count tweets to generate, or -1 for an endless stream
     * @param users distinct users, >= 1
     * @param hashtags distinct hashtags, >= 2
     * @param tweetsPerSecond the rate in stream time, > 0
     * @param zipfExponent the popularity exponent s of hashtags and users, >= 0
     * @param startMillis the time of the first tweet
     * @param burstStartMillis when the trending burst starts, relative to the first tweet, >= 0
     * @param burstMillis how long it lasts, >= 0 (0: no burst)
     * @param burstShare the share of hashtags the trending tag takes during the burst, in [0, 1]
     */
    public record Options(long seed, long count, int users, int hashtags, double tweetsPerSecond, double zipfExponent,
                          long startMillis, long burstStartMillis, long burstMillis, double burstShare) {

        /** Validates the settings. */
        public Options {
            if (count < -1) {
                throw new IllegalArgumentException("count must be >= 0, or -1 for endless: " + count);
            }
            if (users < 1) {
                throw new IllegalArgumentException("users must be >= 1: " + users);
            }
            if (hashtags < 2) {
                throw new IllegalArgumentException("hashtags must be >= 2: " + hashtags);
            }
            if (!(tweetsPerSecond > 0) || Double.isInfinite(tweetsPerSecond)) {
                throw new IllegalArgumentException("tweets per second must be > 0 and finite: " + tweetsPerSecond);
            }
            if (!(zipfExponent >= 0) || Double.isInfinite(zipfExponent)) {
                throw new IllegalArgumentException("zipf exponent must be >= 0 and finite: " + zipfExponent);
            }
            if (burstStartMillis < 0 || burstMillis < 0) {
                throw new IllegalArgumentException("burst start and length must be >= 0: " + burstStartMillis
                        + ", " + burstMillis);
            }
            if (!(burstShare >= 0 && burstShare <= 1)) {
                throw new IllegalArgumentException("burst share must be in [0, 1]: " + burstShare);
            }
        }

        /**
         * Seed 42, 10,000 tweets from 500 users over 40 hashtags at 200 tweets/s, exponent 1.1, and a burst
         * from 40 s to 85 s in which the trending tag takes half of the hashtags.
         */
        public static Options defaults() {
            return new Options(42, 10_000, 500, 40, 200, 1.1, 0, 40_000, 45_000, 0.5);
        }

        /** A copy with another seed. */
        public Options withSeed(long s) {
            return new Options(s, count, users, hashtags, tweetsPerSecond, zipfExponent, startMillis,
                    burstStartMillis, burstMillis, burstShare);
        }

        /** A copy with another count (-1: endless). */
        public Options withCount(long n) {
            return new Options(seed, n, users, hashtags, tweetsPerSecond, zipfExponent, startMillis,
                    burstStartMillis, burstMillis, burstShare);
        }

        /** A copy with another number of users. */
        public Options withUsers(int n) {
            return new Options(seed, count, n, hashtags, tweetsPerSecond, zipfExponent, startMillis,
                    burstStartMillis, burstMillis, burstShare);
        }

        /** A copy with another number of hashtags. */
        public Options withHashtags(int n) {
            return new Options(seed, count, users, n, tweetsPerSecond, zipfExponent, startMillis,
                    burstStartMillis, burstMillis, burstShare);
        }

        /** A copy with another rate. */
        public Options withTweetsPerSecond(double rate) {
            return new Options(seed, count, users, hashtags, rate, zipfExponent, startMillis,
                    burstStartMillis, burstMillis, burstShare);
        }

        /** A copy with another start time. */
        public Options withStartMillis(long t) {
            return new Options(seed, count, users, hashtags, tweetsPerSecond, zipfExponent, t,
                    burstStartMillis, burstMillis, burstShare);
        }

        /** A copy with another burst: start (relative to the first tweet), length and share. */
        public Options withBurst(long burstStart, long lengthMillis, double share) {
            return new Options(seed, count, users, hashtags, tweetsPerSecond, zipfExponent, startMillis,
                    burstStart, lengthMillis, share);
        }
    }

    private static final String[] TOPICS = {"#java", "#streaming", "#ml", "#spark", "#kafka", "#python",
        "#data", "#ai", "#cloud", "#devops", "#music", "#football", "#coffee", "#travel", "#food", "#news",
        "#weather", "#movies", "#books", "#gaming", "#art", "#science", "#space", "#health", "#fitness",
        "#startup", "#design", "#linux", "#security", "#jobs", "#photography", "#nature", "#cats", "#dogs",
        "#fashion", "#history", "#maths", "#chess", "#running", "#tea"};
    private static final String[] NEUTRAL = {"today", "coffee", "train", "game", "news", "music", "city",
        "weekend", "work", "phone", "friends", "morning", "night", "team", "code", "release", "update",
        "stream", "talk", "lunch"};
    private static final String[] COUNTRIES = {"FR", "DE", "US", "GB", "ES", "IT", "NL", "BR", "IN", "JP",
        "CA", "SE"};

    private final Options options;
    private final String[] users;
    private final double[] userMood;
    private final double[] userCdf;
    private final String[] tags;
    private final double[] tagCdf;
    private final Map<String, String> countries;

    /** A generator with {@code options}. */
    public TweetGenerator(Options options) {
        this.options = options;
        SplittableRandom setup = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
        int u = options.users();
        this.users = new String[u];
        this.userMood = new double[u];
        Map<String, String> c = new LinkedHashMap<>();
        for (int i = 0; i < u; i++) {
            users[i] = String.format("user%04d", i + 1);
            userMood[i] = setup.nextDouble(-1, 1);
            c.put(users[i], COUNTRIES[setup.nextInt(COUNTRIES.length)]);
        }
        this.countries = Collections.unmodifiableMap(c);
        this.userCdf = zipfCdf(u, options.zipfExponent() * 0.7);
        this.tags = new String[options.hashtags()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = i < TOPICS.length ? TOPICS[i] : "#topic" + (i + 1);
        }
        this.tagCdf = zipfCdf(tags.length, options.zipfExponent());
    }

    /** The settings. */
    public Options options() {
        return options;
    }

    /** The tag that trends during the burst: the least popular one otherwise. */
    public String trendingTag() {
        return tags[tags.length - 1];
    }

    /** Every user's country (a static dataset to join with), in user order. */
    public Map<String, String> userCountries() {
        return countries;
    }

    /** Cumulative weights {@code 1/r^s} of ranks 1..n, normalised to end at 1. */
    private static double[] zipfCdf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int r = 1; r <= n; r++) {
            sum += 1.0 / Math.pow(r, s);
            cdf[r - 1] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        cdf[n - 1] = 1.0;
        return cdf;
    }

    private static int sample(double[] cdf, double u) {
        int i = Arrays.binarySearch(cdf, u);
        return i >= 0 ? i : Math.min(cdf.length - 1, -i - 1);
    }

    @Override
    public Iterator<Tweet> iterator() {
        return new Iterator<>() {
            private final SplittableRandom rnd = new SplittableRandom(options.seed());
            private final StringBuilder text = new StringBuilder(96);
            private long index;

            @Override
            public boolean hasNext() {
                return options.count() < 0 || index < options.count();
            }

            @Override
            public Tweet next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the generator made all " + options.count() + " tweets");
                }
                long offset = (long) Math.floor(index * 1000.0 / options.tweetsPerSecond());
                index++;
                return tweet(rnd, text, offset);
            }
        };
    }

    private Tweet tweet(SplittableRandom rnd, StringBuilder text, long offset) {
        int user = sample(userCdf, rnd.nextDouble());
        boolean burst = offset >= options.burstStartMillis()
                && offset < options.burstStartMillis() + options.burstMillis();
        double positive = 0.15 * (1 + userMood[user]);
        double negative = 0.15 * (1 - userMood[user]);
        text.setLength(0);
        int words = 3 + rnd.nextInt(6);
        for (int w = 0; w < words; w++) {
            double u = rnd.nextDouble();
            String word = u < positive ? Mood.POSITIVE.get(rnd.nextInt(Mood.POSITIVE.size()))
                    : u < positive + negative ? Mood.NEGATIVE.get(rnd.nextInt(Mood.NEGATIVE.size()))
                    : NEUTRAL[rnd.nextInt(NEUTRAL.length)];
            text.append(word).append(' ');
        }
        double k = rnd.nextDouble();
        int count = k < 0.6 ? 1 : k < 0.9 ? 2 : 3;
        List<String> chosen = new ArrayList<>(count);
        for (int h = 0; h < count; h++) {
            String tag = burst && rnd.nextDouble() < options.burstShare() ? trendingTag()
                    : tags[sample(tagCdf, rnd.nextDouble())];
            if (!chosen.contains(tag)) {
                chosen.add(tag);
                text.append(tag).append(' ');
            }
        }
        text.setLength(text.length() - 1);
        return new Tweet(users[user], text.toString(), options.startMillis() + offset);
    }
}
