package org.streamml.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --log-level LEVEL} and {@code --log-config FILE}: options of the {@code streamml} command that every
 * subcommand inherits ({@code streamml --log-level debug demo sensors} and {@code streamml demo sensors
 * --log-level debug} are the same). {@link #applyingFirst} applies them after parsing and before the command
 * runs, so that they hold for all its work, and undoes them after it (tests run many commands in one JVM).
 *
 * <p>The settings are the command line's SLF4J binding's, Logback ({@link LogbackSettings}); where another binding
 * is on the class path (the command line's classes on Spark's class path) the options say so and change nothing.
 */
final class LogOptions {
    /** The levels {@code --log-level} accepts, quietest last. */
    static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    @Option(names = "--log-level", paramLabel = "LEVEL", scope = ScopeType.INHERIT, converter = LevelName.class,
            description = "Level of StreamML's log messages on standard error: trace, debug, info (the default),"
                    + " warn, error or off; error and off quiet the libraries' warnings too.")
    String level;

    @Option(names = "--log-config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A Logback configuration file replacing the default logging (the README's Logging"
                    + " section; the system property logback.configurationFile does the same).")
    Path config;

    /** {@code --log-level}'s converter: one of {@link #LEVELS}, in any case, or a message naming them. */
    static final class LevelName implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.equals("warning")) {
                v = "warn";
            }
            if (!LEVELS.contains(v)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a log level; use one of "
                        + String.join(", ", LEVELS));
            }
            return v;
        }
    }

    /**
     * {@code next} preceded by applying {@code options} and followed by undoing them. A {@code --log-config} file
     * that is missing or that Logback rejects fails the command line as a usage error (exit status 2) naming the
     * file and Logback's message.
     */
    static CommandLine.IExecutionStrategy applyingFirst(LogOptions options, CommandLine.IExecutionStrategy next) {
        return parsed -> {
            if (options.level == null && options.config == null) {
                return next.execute(parsed);
            }
            PrintWriter err = parsed.commandSpec().commandLine().getErr();
            if (!LogbackSettings.isBound()) {
                err.println("streamml: warning: --log-level and --log-config change nothing: the SLF4J binding on"
                        + " the class path is " + LoggerFactory.getILoggerFactory().getClass().getName()
                        + ", not Logback; configure it its own way");
                return next.execute(parsed);
            }
            Runnable undo;
            try {
                undo = LogbackSettings.apply(options.level, options.config);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(), e.getMessage(), e);
            }
            try {
                return next.execute(parsed);
            } finally {
                undo.run();
            }
        };
    }
}
