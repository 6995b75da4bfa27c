package org.streamml.demos;

import java.util.List;

/**
 * Detections scored against a stream's true drift points: the first detection at or after a drift point and
 * before the next one found it, with a delay of the records between them; every other detection is a false
 * alarm.
 *
 * @param found the drift points found
 * @param meanDelay the mean delay over the points found, in records (NaN if none was found)
 * @param falseAlarms the detections that found no drift point
 * @param falseAlarmsPer100k false alarms per 100,000 records of the stream
 */
public record DetectionScore(int found, double meanDelay, int falseAlarms, double falseAlarmsPer100k) {

    /**
     * Scores {@code detections} (stream positions, ascending) against {@code truth} (ascending) on a stream of
     * {@code records} records.
     */
    public static DetectionScore of(long[] detections, List<Long> truth, long records) {
        if (records < 1) {
            throw new IllegalArgumentException("records must be >= 1: " + records);
        }
        int found = 0;
        long delays = 0;
        int next = 0;
        int segment = -1;
        boolean segmentFound = false;
        for (long d : detections) {
            while (next < truth.size() && truth.get(next) <= d) {
                segment = next++;
                segmentFound = false;
            }
            if (segment >= 0 && !segmentFound) {
                segmentFound = true;
                found++;
                delays += d - truth.get(segment);
            }
        }
        int falseAlarms = detections.length - found;
        return new DetectionScore(found, found == 0 ? Double.NaN : (double) delays / found, falseAlarms,
                falseAlarms * 100_000.0 / records);
    }
}
