/**
 * The {@code streamml} command: picocli subcommands that parse arguments and call the library modules
 * (training, prediction, detection, datasets, model files, NAB scoring) and the {@code demos} module.
 * {@link org.streamml.cli.Main} lists them.
 */
package org.streamml.cli;
