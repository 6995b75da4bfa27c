package org.streamml.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * {@link LogOptions} applied to Logback. Only this class names Logback's classes, and it is loaded only when
 * {@link #isBound} (Logback is optional in the command line's POM: a module that depends on the command line,
 * streaming-spark's tests, runs on another binding).
 */
final class LogbackSettings {
    /** The loggers {@code --log-level} sets: StreamML's. */
    static final String STREAMML = "org.streamml";

    private LogbackSettings() {
    }

    /** Whether SLF4J is bound to Logback here. */
    static boolean isBound() {
        return LoggerFactory.getILoggerFactory().getClass().getName().equals("ch.qos.logback.classic.LoggerContext");
    }

    /**
     * Loads {@code config} (when not {@code null}) in place of the current configuration, then sets StreamML's
     * loggers to {@code level} (when not {@code null}; also the root's when it is quieter than the root's); returns
     * what restores the configuration and levels of before.
     *
     * @throws IllegalArgumentException naming the file when {@code config} cannot be read or Logback reports an
     *         error in it; the configuration of before is then back in place
     */
    static Runnable apply(String level, Path config) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (config != null) {
            load(context, config);
        }
        Logger streamml = context.getLogger(STREAMML);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level streammlBefore = streamml.getLevel();
        Level rootBefore = root.getLevel();
        if (level != null) {
            Level l = Level.toLevel(level, null);
            streamml.setLevel(l);
            if (rootBefore != null && l.toInt() > rootBefore.toInt()) {
                root.setLevel(l);
            }
        }
        return () -> {
            if (config != null) {
                reloadDefault(context);
            } else {
                streamml.setLevel(streammlBefore);
                root.setLevel(rootBefore);
            }
        };
    }

    private static void load(LoggerContext context, Path config) {
        if (!Files.isRegularFile(config) || !Files.isReadable(config)) {
            throw new IllegalArgumentException("--log-config " + config + ": "
                    + (Files.exists(config) ? "not a readable file" : "no such file"));
        }
        long start = System.currentTimeMillis();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        List<String> errors = new ArrayList<>();
        try {
            configurator.doConfigure(config.toFile());
        } catch (JoranException e) {
            errors.add(e.getMessage());
        }
        for (Status s : context.getStatusManager().getCopyOfStatusList()) {
            if (s.getLevel() == Status.ERROR && s.getTimestamp() >= start) {
                errors.add(s.getMessage() + (s.getThrowable() != null ? " (" + s.getThrowable().getMessage() + ")" : ""));
            }
        }
        if (!errors.isEmpty()) {
            reloadDefault(context);
            throw new IllegalArgumentException("--log-config " + config + ": Logback rejected it: "
                    + String.join("; ", errors.stream().distinct().toList()));
        }
    }

    /** The configuration Logback finds itself: {@code logback.configurationFile}, else the jar's logback.xml. */
    private static void reloadDefault(LoggerContext context) {
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("cannot restore the default logging: " + e.getMessage(), e);
        }
    }
}
