package org.streamml.cli;

import org.streamml.datasets.io.CsvFile;
import picocli.CommandLine.Option;

/**
 * {@code --header} / {@code --no-header}: whether a CSV input starts with a header line. Without either, a
 * first line of names is a header, a first line of numbers is data, and a first line mixing both is an
 * error naming line 1 (it could be a corrupt first row, which a guess would swallow).
 */
final class HeaderOption {
    @Option(names = "--header", negatable = true,
            description = "the CSV input starts with a header line (--no-header: it does not; default: a first line"
                    + " of names is a header, of numbers is data, of both is an error)")
    private Boolean header;

    /** The header mode of the CSV options. */
    CsvFile.Header mode() {
        return header == null ? CsvFile.Header.AUTO : header ? CsvFile.Header.PRESENT : CsvFile.Header.ABSENT;
    }
}
