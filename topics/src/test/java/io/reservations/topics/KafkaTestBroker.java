package io.reservations.topics;

import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft broker (one process role broker and controller, as the local service's) in this JVM, configured so that exactly-once works
 * on one node; its directories are deleted on close. Shared with the other modules' tests through this module's
 * test jar.
 */
public final class KafkaTestBroker implements AutoCloseable {

    private static final Map<String, String> ONE_NODE = Map.of(
            // the transaction log defaults to 3 replicas; without these Streams never leaves REBALANCING
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "offsets.topic.replication.factor", "1",
            "group.initial.rebalance.delay.ms", "0");

    private final KafkaClusterTestKit cluster;

    private KafkaTestBroker(final KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static KafkaTestBroker start() {
        try {
            final KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build());
            ONE_NODE.forEach(builder::setConfigProp);
            final KafkaClusterTestKit cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaTestBroker(cluster);
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
