package org.streamml.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.streamml.streaming.io.Quote;

/**
 * A Kafka topic named on the command line: {@code kafka://HOST:PORT[,HOST:PORT...]/TOPIC}.
 *
 * @param bootstrap the brokers, {@code HOST:PORT[,HOST:PORT...]}
 * @param topic     the topic
 */
record KafkaAddress(String bootstrap, String topic) {
    private static final Pattern FORM = Pattern.compile(
            "kafka://((?:[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5})(?:,[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5})*)/([A-Za-z0-9._-]{1,249})");

    /** Whether {@code text} names a Kafka topic rather than a file. */
    static boolean isKafka(String text) {
        return text != null && text.startsWith("kafka://");
    }

    /**
     * Parses {@code text} given to {@code option}.
     *
     * @throws IllegalArgumentException naming the option and the expected form
     */
    static KafkaAddress parse(String option, String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " " + Quote.of(text) + " is not a Kafka topic address:"
                    + " expected kafka://HOST:PORT/TOPIC (several brokers separated by commas; a topic is 1 to 249"
                    + " of [A-Za-z0-9._-])");
        }
        return new KafkaAddress(m.group(1), m.group(2));
    }

    @Override
    public String toString() {
        return "kafka://" + bootstrap + "/" + topic;
    }
}
