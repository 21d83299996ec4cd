package io.reservations.local;

import io.reservations.api.kafka.EmbeddedBroker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft broker (broker and controller in one) running in this JVM, with its log under a
 * directory of ours, so a restart finds every topic, store changelog and committed offset again.
 */
public final class LocalKafkaBroker implements EmbeddedBroker {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
    /** Fixed, so the directory formatted on the first start is recognised on every later one. */
    private static final String CLUSTER_ID = "osO5q73eSbGWsuyvRexlYQ";
    /**
     * Transactions version 2 (the partitions of a transaction added by its produce requests, no AddPartitionsToTxn
     * round trip), Kafka 4.3's default, set when the storage is formatted. The builds on Kafka 4.1.2 used version 1,
     * as version 2 could stall a producer for good there (KAFKA-19999, fixed in 4.2); their directories are stepped
     * up at start.
     */
    private static final String TRANSACTION_VERSION = "transaction.version=2";
    private static final String TRANSACTION_VERSION_FEATURE = "transaction.version";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private LocalKafkaBroker(final KafkaRaftServer server, final String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    public static LocalKafkaBroker start(final Path directory, final int port) {
        return start(directory, port, Map.of());
    }

    /**
     * @param overrides broker settings on top of the defaults, e.g. more listeners; the PLAINTEXT listener on
     *                  {@code port} and the controller on {@code port + 1} must stay
     */
    public static LocalKafkaBroker start(final Path directory, final int port, final Map<String, String> overrides) {
        final Path logDir = directory.toAbsolutePath();
        final Properties config = LocalBrokerSettings.of(logDir, port, overrides);
        format(logDir, config);
        final KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
        server.startup();
        final String bootstrap = "localhost:" + port;
        awaitReady(bootstrap);
        LOG.info("Local Kafka broker ready at {} (data in {})", bootstrap, logDir);
        return new LocalKafkaBroker(server, bootstrap);
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Local Kafka broker stopped");
    }

    private static void format(final Path logDir, final Properties config) {
        try {
            Files.createDirectories(logDir);
            final Path file = logDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                config.store(out, "written by the local service on every start");
            }
            final int status = StorageTool$.MODULE$.execute(new String[]{
                    "format", "-t", CLUSTER_ID, "-c", file.toString(), "--feature", TRANSACTION_VERSION,
                    "--ignore-formatted"},
                    new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException("Formatting the local broker's storage in " + logDir + " failed");
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final Exception e) {
            throw new IllegalStateException("Cannot format the local broker's storage in " + logDir, e);
        }
    }

    /** A data directory the builds on Kafka 4.1.2 formatted with transactions version 1: step it up once. */
    private static void useTransactionVersionTwo(final Admin admin) throws Exception {
        final FinalizedVersionRange finalized = admin.describeFeatures().featureMetadata().get(5, TimeUnit.SECONDS)
                .finalizedFeatures().get(TRANSACTION_VERSION_FEATURE);
        if (finalized == null || finalized.maxVersionLevel() < 2) {
            admin.updateFeatures(Map.of(TRANSACTION_VERSION_FEATURE,
                            new FeatureUpdate((short) 2, FeatureUpdate.UpgradeType.UPGRADE)),
                    new UpdateFeaturesOptions()).all().get(5, TimeUnit.SECONDS);
            LOG.info("Transactions version {} stepped up to 2", finalized == null ? 0 : finalized.maxVersionLevel());
        }
    }

    private static void awaitReady(final String bootstrap) {
        final Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    useTransactionVersionTwo(admin);
                    return;
                } catch (final Exception e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("The local broker did not become ready at " + bootstrap, e);
                    }
                }
            }
        }
    }
}
