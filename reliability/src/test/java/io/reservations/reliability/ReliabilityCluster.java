package io.reservations.reliability;

import io.reservations.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The whole service as separate processes on loopback: three brokers, two processors (one standby replica per
 * task, static membership, a 5 s session) and two API instances that forward reads to either processor.
 */
final class ReliabilityCluster implements AutoCloseable {

    static final int PARTITIONS = 12;
    /**
     * A silent processor loses its partitions after this, and the other takes them over a rebalance later: most
     * of a processor failover (docs/RELIABILITY.md). 6 s, the brokers' default smallest, left failovers of 8.5 to
     * 9.1 s against the 10 s target; 5 s (heartbeats every 500 ms) keeps a margin on a starved host.
     */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(5);
    private static final String APPLICATION_ID = "reservation-processor";

    private final BrokerCluster brokers;
    private final List<ServiceNode> processors;
    private final List<ServiceNode> apis;

    private ReliabilityCluster(final BrokerCluster brokers, final List<ServiceNode> processors, final List<ServiceNode> apis) {
        this.brokers = brokers;
        this.processors = processors;
        this.apis = apis;
    }

    static ReliabilityCluster start(final Path processorJar, final Path apiJar, final Path brokerJar, final Path dir) {
        final BrokerCluster brokers = new BrokerCluster(brokerJar, dir);
        final List<ServiceNode> processors = List.of(
                ServiceNode.processor(processorJar, dir, "processor-1", brokers.bootstrap(), SESSION_TIMEOUT),
                ServiceNode.processor(processorJar, dir, "processor-2", brokers.bootstrap(), SESSION_TIMEOUT));
        final List<ServiceNode> apis = List.of(
                ServiceNode.api(apiJar, dir, "api-1", brokers.bootstrap(), processors),
                ServiceNode.api(apiJar, dir, "api-2", brokers.bootstrap(), processors));
        final ReliabilityCluster cluster = new ReliabilityCluster(brokers, processors, apis);
        try {
            brokers.start();
            // API instances need no processor to start: all four start together
            Stream.concat(processors.stream(), apis.stream()).forEach(ServiceNode::start);
            Stream.concat(processors.stream(), apis.stream()).forEach(ServiceNode::awaitReady);
            return cluster;
        } catch (final RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    BrokerCluster brokers() {
        return brokers;
    }

    ServiceNode processor(final int index) {
        return processors.get(index);
    }

    /** A client of both API instances, with the admin token of the cluster's signing key. */
    ApiClient client(final Duration giveUpAfter) {
        return new ApiClient(apis.stream().map(ServiceNode::baseUrl).toList(), apis.get(0).adminToken(), giveUpAfter);
    }

    /** A client of the window's change stream through the API instances in turn, with the admin token. */
    ChangeWatch watch(final String windowId) throws InterruptedException {
        return ChangeWatch.open(apis.stream().map(ServiceNode::baseUrl).toList(), apis.get(0).adminToken(), windowId);
    }

    /** The {@code reservation.commands} partitions the processor masters now (its active tasks). */
    List<Integer> activePartitions(final ServiceNode processor) {
        return member(processor).map(member -> member.assignment().topicPartitions().stream()
                        .filter(p -> p.topic().equals(Topics.RESERVATION_COMMANDS.name()))
                        .map(TopicPartition::partition).sorted().toList())
                .orElse(List.of());
    }

    /** Whether the processor is a member of the group (a frozen one is removed once its session times out). */
    boolean inGroup(final ServiceNode processor) {
        return member(processor).isPresent();
    }

    private Optional<MemberDescription> member(final ServiceNode processor) {
        try (Admin admin = brokers.admin()) {
            final ConsumerGroupDescription group = admin.describeConsumerGroups(Set.of(APPLICATION_ID)).all()
                    .get(15, TimeUnit.SECONDS).get(APPLICATION_ID);
            return group.members().stream()
                    // Kafka Streams suffixes each stream thread's consumer: processor-1-1
                    .filter(m -> m.groupInstanceId().filter(id -> id.startsWith(processor.name() + "-")).isPresent())
                    .findFirst();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every live service process prints its threads' stacks to its log: what a stalled run was doing. */
    void dumpThreads() {
        Stream.concat(processors.stream(), apis.stream()).forEach(node -> node.process().dumpThreads());
    }

    /**
     * Stops the service processes (all at once, SIGTERM: processors leave the group, API instances finish their
     * requests), then the brokers; returns whether every process exited by itself.
     */
    boolean stop() {
        final boolean services = Stream.concat(apis.stream(), processors.stream()).parallel()
                .map(node -> node.process().stop(60)).reduce(true, Boolean::logicalAnd);
        brokers.close();
        return services && brokers.stoppedCleanly();
    }

    @Override
    public void close() {
        stop();
    }
}
