package io.reservations.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the contract's missing topics, brings the configuration of existing ones in line with their specs
 * ({@link TopicDrift}), and refuses to go on when an existing shard-master input has another partition count:
 * Kafka Streams does not check co-partitioning of topics that only share stores, and a mismatch would route
 * forward writes to the wrong master, where sagas stall silently.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final TopicSettings settings;

    public TopicProvisioner(final Admin admin, final TopicSettings settings) {
        this.admin = admin;
        this.settings = settings;
    }

    /**
     * Creates what is missing, reconciles the configuration of what exists, then verifies partition counts; throws
     * {@link IllegalStateException} on a mismatch.
     */
    public Provisioned provision(final List<TopicSpec<?, ?>> specs) {
        try {
            final Set<String> existing = admin.listTopics().names().get();
            final int brokers = admin.describeCluster().nodes().get().size();
            final short replicationFactor = settings.replicationFactorFor(brokers);
            final List<NewTopic> missing = new ArrayList<>();
            final List<TopicSpec<?, ?>> present = new ArrayList<>();
            for (final TopicSpec<?, ?> spec : specs) {
                if (existing.contains(spec.name())) {
                    present.add(spec);
                } else {
                    final Map<String, String> configs = new HashMap<>(spec.configs());
                    configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                            Integer.toString(TopicSettings.minInSyncReplicasFor(replicationFactor)));
                    missing.add(new NewTopic(spec.name(), settings.partitions(), replicationFactor).configs(configs));
                }
            }
            final Set<String> madeElsewhere = createAll(missing);
            specs.stream().filter(spec -> madeElsewhere.contains(spec.name())).forEach(present::add);
            final Integer smallestLimit = present.isEmpty() ? null
                    : new TopicDrift(admin, settings.correctDrift()).reconcile(present);
            verifyCoPartitioning(specs);
            return new Provisioned(replicationFactor, Math.min(Topics.MAX_RECORD_BYTES,
                    smallestLimit == null ? Topics.MAX_RECORD_BYTES : smallestLimit));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning topics", e);
        } catch (final ExecutionException e) {
            throw new IllegalStateException("Cannot provision topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * @param replicationFactor the replication factor used on this cluster, for the application's internal topics too
     * @param largestRecordBytes the largest record every one of the topics takes: {@link Topics#MAX_RECORD_BYTES},
     *                           or less where an existing topic's {@code max.message.bytes} is smaller and could
     *                           not be corrected (a producer that refuses larger records itself, synchronously,
     *                           lets its application tell which input caused one)
     */
    public record Provisioned(short replicationFactor, int largestRecordBytes) {
    }

    /**
     * @return the topics that existed after all: made by another instance or tool at the same time, or made just
     *         before and not yet known to the broker that listed the topics. Their settings are not this
     *         instance's to assume; the caller checks them as it checks any existing topic.
     */
    private Set<String> createAll(final List<NewTopic> topics) throws InterruptedException, ExecutionException {
        final Set<String> madeElsewhere = new HashSet<>();
        if (topics.isEmpty()) {
            return madeElsewhere;
        }
        final var futures = admin.createTopics(topics).values();
        for (final NewTopic topic : topics) {
            try {
                futures.get(topic.name()).get();
                LOG.info("Created topic {} ({} partitions, replication factor {})",
                        topic.name(), topic.numPartitions(), topic.replicationFactor());
            } catch (final ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                LOG.info("Topic {} was made elsewhere meanwhile; checking its settings", topic.name());
                madeElsewhere.add(topic.name());
            }
        }
        return madeElsewhere;
    }

    private void verifyCoPartitioning(final List<TopicSpec<?, ?>> specs)
            throws InterruptedException, ExecutionException {
        final List<String> inputs = specs.stream().filter(TopicSpec::coPartitioned).map(TopicSpec::name).toList();
        final Map<String, TopicDescription> descriptions =
                MetadataWait.untilKnown(() -> admin.describeTopics(inputs).allTopicNames().get());
        final Map<String, Integer> wrong = descriptions.values().stream()
                .filter(description -> description.partitions().size() != settings.partitions())
                .collect(Collectors.toMap(TopicDescription::name, description -> description.partitions().size()));
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("The shard-master input topics " + inputs + " must all have "
                    + settings.partitions() + " partitions (the configured partition count), but " + wrong
                    + ". Co-partitioning is required: forward writes are routed by the partition of the target id."
                    + " Set the partition count to match the existing topics, or recreate them.");
        }
    }
}
