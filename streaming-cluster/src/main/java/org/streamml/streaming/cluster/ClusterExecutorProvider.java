package org.streamml.streaming.cluster;

import java.util.List;
import org.streamml.streaming.BatchExecutor;
import org.streamml.streaming.ExecutorProvider;
import org.streamml.streaming.ExecutorSettings;

/**
 * The provider of this module's masters: {@code local-cluster[N]} and {@code local-cluster[N,C]} (N worker
 * processes of C cores, default 1, started on this machine and stopped with the executor) and
 * {@code cluster://HOST:PORT} (a driver listening for {@code streamml worker --master HOST:PORT}). The
 * settings' wire types are registered with kryo after those of the {@link org.streamml.streaming.WireTypes}
 * services; without a secret in the settings a {@code cluster://} driver takes {@code $STREAMML_CLUSTER_SECRET}.
 */
public final class ClusterExecutorProvider implements ExecutorProvider {

    /**
     * The environment variable that holds the shared secret of drivers and workers that are given none
     * otherwise ({@code cluster://} drivers, {@code streamml worker}).
     */
    public static final String SECRET_ENV = "STREAMML_CLUSTER_SECRET";

    @Override
    public String module() {
        return "streaming-cluster";
    }

    @Override
    public List<String> forms() {
        return List.of("local-cluster[N]", "local-cluster[N,C]", "cluster://HOST:PORT");
    }

    @Override
    public boolean accepts(String master) {
        return master.startsWith("local-cluster") || master.startsWith("cluster://");
    }

    @Override
    public void validate(String master) {
        Master.parse(master);
    }

    @Override
    public BatchExecutor create(String master, ExecutorSettings settings) {
        return Master.parse(master).createExecutor(options(settings));
    }

    /** The cluster options that carry {@code settings}: its wire types to register, its secret if any. */
    public static ClusterOptions options(ExecutorSettings settings) {
        ClusterOptions options = ClusterOptions.defaults().registerClasses(settings.wireTypes().toArray(Class<?>[]::new));
        return settings.secret() == null ? options : options.withSecret(settings.secret());
    }
}
