package io.reservations.topics;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft broker (one process role broker and controller, as the local service's) in this JVM, configured so that exactly-once works
 * on one node; its directories are deleted on close. Shared with the other modules' tests through this module's
 * test jar; integration test classes share one per run through {@link SharedKafkaBroker}.
 */
public final class KafkaTestBroker implements AutoCloseable {

    private static final Map<String, String> ONE_NODE = Map.of(
            // the transaction log defaults to 3 replicas; without these Streams never leaves REBALANCING
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "offsets.topic.replication.factor", "1",
            "group.initial.rebalance.delay.ms", "0",
            // the files of the topics deleted between two classes go at once, not a minute later: a deletion that
            // fell on the JVM's exit raced the directory's removal, failed the log directory and ended the test JVM
            // with an error after every test had passed (Failsafe: "Error occurred in starting fork")
            "file.delete.delay.ms", "0",
            "log.segment.delete.delay.ms", "0");

    private final KafkaClusterTestKit cluster;

    private KafkaTestBroker(final KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** A broker of the caller's own, stopped by {@link #close()}. */
    public static KafkaTestBroker start() {
        return new KafkaTestBroker(startCluster());
    }

    /** Deletes every topic and group, so that the next class starts as on a fresh broker. */
    void forgetEarlierClasses() {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            final Set<String> topics = admin.listTopics().names().get();
            admin.deleteTopics(topics).all().get();
            await("topics of earlier test classes deleted").atMost(Duration.ofSeconds(30))
                    .until(() -> admin.listTopics().names().get().isEmpty());
            try {
                admin.deleteConsumerGroups(admin.listGroups().all().get().stream().map(GroupListing::groupId).toList())
                        .all().get();
            } catch (final ExecutionException groupStillInUse) {
                // a group an earlier class left running refuses deletion; the others are gone
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the shared test broker was cleared", e);
        } catch (final Exception e) {
            throw new IllegalStateException("The shared test broker could not be cleared", e);
        }
    }

    private static KafkaClusterTestKit startCluster() {
        try {
            final KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build());
            ONE_NODE.forEach(builder::setConfigProp);
            final KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return cluster;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the test broker started", e);
        } catch (final Exception e) {
            throw new IllegalStateException("The test broker did not start", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Stops the broker; one given by {@link SharedKafkaBroker} is stopped by it at the end of the run instead. */
    @Override
    public void close() {
        try {
            cluster.close();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the test broker stopped", e);
        } catch (final Exception e) {
            throw new IllegalStateException("The test broker did not stop cleanly", e);
        }
    }
}
