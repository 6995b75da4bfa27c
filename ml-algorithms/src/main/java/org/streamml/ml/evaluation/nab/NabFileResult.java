package org.streamml.ml.evaluation.nab;

/**
 * The NAB score of one data file at the corpus threshold.
 *
 * @param name the file's relative path
 * @param rows the number of rows
 * @param probationaryRows the number of leading rows not scored
 * @param windows the number of anomaly windows with at least one scored row
 * @param detectedWindows the windows with a detection in them
 * @param falsePositives the scored rows outside every window whose score reaches the threshold
 * @param rawScore the file's raw (unnormalised) NAB score
 */
public record NabFileResult(String name, int rows, int probationaryRows, int windows, int detectedWindows,
        int falsePositives, double rawScore) {
}
