/**
 * The {@code streamml} command: picocli subcommands for training, prediction, detection, datasets,
 * model files and the demos. {@link org.streamml.cli.Main} lists them.
 */
package org.streamml.cli;
