package org.streamml.streaming.source;

/**
 * What a source does with a record that breaks its format (for the socket source: a line that is not
 * valid UTF-8, or one longer than its limit).
 *
 * <pre>{@code
 * ssc.socketTextStream(host, port, SocketTextSource.Options.defaults()
 *         .withBadRecords(BadRecordPolicy.SKIP_AND_COUNT));
 * ...
 * long skipped = source.skippedRecords();
 * }</pre>
 *
 * <p>Under either policy every good record received before a bad one is delivered to a batch first.
 */
public enum BadRecordPolicy {
    /**
     * The default: the stream fails with an error naming the source, the record's position (line number
     * and byte offset) and the rule it breaks.
     */
    FAIL,
    /**
     * The bad record is skipped and counted (the source's {@code skippedRecords()}); the first one is
     * logged with its position and rule, later ones only counted.
     */
    SKIP_AND_COUNT
}
