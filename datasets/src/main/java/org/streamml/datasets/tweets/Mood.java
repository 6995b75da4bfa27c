package org.streamml.datasets.tweets;

import java.util.List;
import java.util.Set;

/**
 * The tiny mood lexicon of the synthetic tweets: each positive word scores +1, each negative one -1.
 */
public final class Mood {
    /** Words that score +1. */
    public static final List<String> POSITIVE = List.of("love", "great", "happy", "win", "awesome", "good");
    /** Words that score -1. */
    public static final List<String> NEGATIVE = List.of("hate", "bad", "sad", "lose", "awful", "angry");

    private static final Set<String> POS = Set.copyOf(POSITIVE);
    private static final Set<String> NEG = Set.copyOf(NEGATIVE);

    private Mood() {
    }

    /** The mood score of {@code text}: positive words minus negative words (space-separated). */
    public static int score(String text) {
        int score = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int end = text.indexOf(' ', i);
            if (end < 0) {
                end = n;
            }
            String w = text.substring(i, end);
            if (POS.contains(w)) {
                score++;
            } else if (NEG.contains(w)) {
                score--;
            }
            i = end + 1;
        }
        return score;
    }
}
