package org.streamml.datasets.tweets;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One synthetic tweet.
 *
 * @param user the author, for example {@code user0042}
 * @param text words and hashtags separated by single spaces
 * @param timeMillis when it was posted, in milliseconds on the stream's clock
 */
public record Tweet(String user, String text, long timeMillis) implements Serializable {

    /** Validates the fields. */
    public Tweet {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(text, "text");
    }

    /** The hashtags of the text ({@code #} included), in order of appearance. */
    public List<String> hashtags() {
        List<String> tags = new ArrayList<>(2);
        int n = text.length();
        int i = 0;
        while (i < n) {
            int end = text.indexOf(' ', i);
            if (end < 0) {
                end = n;
            }
            if (end - i > 1 && text.charAt(i) == '#') {
                tags.add(text.substring(i, end));
            }
            i = end + 1;
        }
        return tags;
    }

    /** The tweet as a CSV row {@code time,user,"text"} (the text quoted, quotes doubled). */
    public String toCsv() {
        return timeMillis + "," + user + ",\"" + text.replace("\"", "\"\"") + "\"";
    }
}
