package org.streamml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.BiConsumer;
import org.streamml.cli.metrics.MetricsSession;
import org.streamml.demos.DemoSettings;
import org.streamml.streaming.BatchInfo;
import org.streamml.streaming.StreamingContext;
import org.streamml.streaming.StreamingListener;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --metrics-port PORT} and {@code --metrics-address ADDRESS}, a mixin of the long-running commands
 * ({@code demo}, {@code train}, {@code detect}): the run's per-batch metrics ({@link org.streamml.cli.metrics})
 * on {@code http://ADDRESS:PORT/metrics} in Prometheus' text format and as JMX MBeans in domain
 * {@code org.streamml}, from before the first batch until the command ends. The URL goes to standard error
 * ({@code COMMAND: metrics at http://127.0.0.1:PORT/metrics}), so that {@code --metrics-port 0} tells the port
 * it got.
 */
final class MetricsOptions {
    /**
     * For tests: called on the engine's scheduler thread after each batch's metrics are recorded, with the
     * session; the run waits for it, so a test can fetch {@code /metrics} in the middle of a run.
     */
    static volatile BiConsumer<MetricsSession, BatchInfo> afterBatch;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec mixee;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve the per-batch metrics on http://127.0.0.1:PORT/metrics (Prometheus text; 0: any"
                    + " free port, printed on standard error) and register them as JMX MBeans (domain org.streamml)"
                    + " while the command runs.")
    private Integer port;

    @Option(names = "--metrics-address", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "With --metrics-port: the address to listen on (default ${DEFAULT-VALUE}, this machine"
                    + " only; 0.0.0.0 for every interface).")
    private String address;

    /** The metrics of a run; {@link #NONE} without {@code --metrics-port}. */
    interface Session extends AutoCloseable {
        /** No metrics: nothing is served or registered. */
        Session NONE = new Session() {
            @Override
            public MetricsSession metrics() {
                return null;
            }

            @Override
            public void close() {
            }
        };

        /** The session, or {@code null} without {@code --metrics-port}. */
        MetricsSession metrics();

        @Override
        void close();
    }

    /** Whether {@code --metrics-port} was given. */
    boolean enabled() {
        return port != null;
    }

    /**
     * Starts serving the metrics (without {@code --metrics-port}: {@link Session#NONE}) and adds their listener to
     * {@code ssc}; close the session when the run ends.
     */
    Session open(StreamingContext ssc) throws IOException {
        Session s = start();
        if (s.metrics() != null) {
            ssc.addStreamingListener(listener(s.metrics()));
        }
        return s;
    }

    /** Runs {@code demo} with {@code settings} that add the metrics' listener to the demo's context. */
    int run(DemoSettings settings, DemoRun demo) throws Exception {
        try (Session s = start()) {
            return demo.run(s.metrics() == null ? settings : settings.withListener(listener(s.metrics())));
        }
    }

    /** A demo's run with some settings. */
    interface DemoRun {
        int run(DemoSettings settings) throws Exception;
    }

    private Session start() throws IOException {
        if (port == null) {
            return Session.NONE;
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(mixee.commandLine(),
                    "--metrics-port must be in [0, 65535] (0: any free port): " + port);
        }
        InetAddress bind;
        try {
            bind = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(),
                    "--metrics-address " + org.streamml.streaming.io.Quote.of(address) + " is not a known host or"
                            + " address");
        }
        MetricsSession session = MetricsSession.start(bind, port);
        PrintWriter err = mixee.commandLine().getErr();
        err.println(mixee.name() + ": metrics at " + session.uri());
        err.flush();
        return new Session() {
            @Override
            public MetricsSession metrics() {
                return session;
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    private static StreamingListener listener(MetricsSession session) {
        return new StreamingListener() {
            @Override
            public void onBatchCompleted(BatchInfo info) {
                session.batches().onBatchCompleted(info);
                BiConsumer<MetricsSession, BatchInfo> hook = afterBatch;
                if (hook != null) {
                    hook.accept(session, info);
                }
            }
        };
    }
}
