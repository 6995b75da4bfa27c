package org.streamml.ml.evaluation.nab;

import java.util.List;

/**
 * The NAB score of a detector over a corpus for one profile.
 *
 * @param profile the profile
 * @param threshold the anomaly-score threshold that maximises the corpus score (a row is a detection when its
 *        score is &gt;= the threshold; {@code +Infinity} when detecting nothing scores best)
 * @param rawScore the corpus's raw score at that threshold, the sum over files
 * @param nullScore the raw score of the null detector (detects nothing): -fnWeight per window
 * @param perfectScore the raw score of the perfect detector (fires on the first row of each window and
 *        nowhere else): tpWeight per window
 * @param normalizedScore {@code 100 (raw - null) / (perfect - null)}
 * @param files the score of each file, in corpus order
 */
public record NabResult(NabProfile profile, double threshold, double rawScore, double nullScore,
        double perfectScore, double normalizedScore, List<NabFileResult> files) {
    /** Copies the file list. */
    public NabResult {
        files = List.copyOf(files);
    }
}
