package io.reservations.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.reservations.contract.Reservation;
import io.reservations.processor.shard.OwnerIndexSync;
import io.reservations.processor.shard.ShardMasterTopology;
import io.reservations.topics.JsonSerde;
import io.reservations.topics.TopicProvisioner;
import io.reservations.topics.TopicSettings;
import io.reservations.topics.TopicSpec;
import io.reservations.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One processor instance: provisions and checks the topics, then runs the shard masters it is assigned. */
public final class StreamProcessor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamProcessor.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final String STREAMS_OVERRIDE_PREFIX = "reservations.streams.";

    /** How long a listing waits for the owner index to catch up before it reads what the index holds. */
    private static final Duration INDEX_SYNC_TIMEOUT = Duration.ofSeconds(1);

    private final ProcessorSettings settings;
    private final KafkaStreams streams;
    private final IndexMarkers markers;
    private final OwnerIndexSync indexSync;

    private StreamProcessor(final ProcessorSettings settings, final KafkaStreams streams,
                            final IndexMarkers markers, final OwnerIndexSync indexSync) {
        this.settings = settings;
        this.streams = streams;
        this.markers = markers;
        this.indexSync = indexSync;
    }

    /** Creates missing topics, refuses mismatched partition counts, and starts Kafka Streams. */
    public static StreamProcessor start(final ProcessorSettings settings) {
        return start(settings, Metrics.globalRegistry);
    }

    /** As {@link #start(ProcessorSettings)}, with the processor's and Kafka Streams' metrics in {@code registry}. */
    public static StreamProcessor start(final ProcessorSettings settings, final MeterRegistry registry) {
        final short replicationFactor;
        try (Admin admin = Admin.create(settings.clientConfig())) {
            final TopicProvisioner provisioner = new TopicProvisioner(admin, settings.topics());
            replicationFactor = provisioner.provision(Topics.ALL);
            provisioner.provision(List.of(ownerIndexTopic(settings.applicationId())));
        }
        final IndexMarkers markers = new IndexMarkers(settings, INDEX_SYNC_TIMEOUT);
        final OwnerIndexSync indexSync = new OwnerIndexSync(markers, INDEX_SYNC_TIMEOUT, registry);
        final KafkaStreams streams = new KafkaStreams(ShardMasterTopology.build(settings.shardMasterOptions(registry),
                settings.applicationId(), indexSync), streamsProperties(settings, replicationFactor));
        new KafkaStreamsMetrics(streams).bindTo(registry);
        // a failed thread is replaced; its tasks resume from the last committed transaction
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("Stream thread failed; replacing it", error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        LOG.info("Stream processor {} started against {} ({} partitions)",
                settings.applicationId(), settings.bootstrapServers(), settings.topics().partitions());
        return new StreamProcessor(settings, streams, markers, indexSync);
    }

    /**
     * The owner index's topic, internal to the application (its name starts with the application id, so the
     * processor's ACLs cover it): one record per change of a reservation, read once into the index.
     */
    private static TopicSpec<String, Reservation> ownerIndexTopic(final String applicationId) {
        return new TopicSpec<>(ShardMasterTopology.ownerIndexTopic(applicationId), Serdes.String(),
                new JsonSerde<>(Reservation.class), true, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE, TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(7).toMillis())));
    }

    static Properties streamsProperties(final ProcessorSettings settings, final short replicationFactor) {
        final Properties props = new Properties();
        props.putAll(settings.clientConfig()); // bootstrap servers and security, for every client Streams creates
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        // a saga hop waits for the origin's commit, and the thread only commits between polls: the default
        // 100 ms poll added ~100 ms to every hop while the thread waited for input (docs/PERFORMANCE.md)
        props.put(StreamsConfig.POLL_MS_CONFIG, 5);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
        props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                TopicSettings.minInSyncReplicasFor(replicationFactor));
        // exactly-once producers retry CONCURRENT_TRANSACTIONS right after a commit; the default 100 ms stalls them
        props.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
        // under transactions v2 the first write of a transaction is refused with CONCURRENT_TRANSACTIONS until the
        // markers of the previous one are written; with the default exponential back-off (up to 1 s) every 10 ms
        // transaction then waited about a second on a slow host and the fault-injection suite's load stalled
        props.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG), 50);
        // a 10,000-resource window: its event, its result and its de-duplication entry are single records
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.MAX_RECORD_BYTES);
        props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), Integer.toString(Topics.MAX_RECORD_BYTES));
        // each saga hop is a read_committed fetch of a record committed moments ago; with the default 500 ms wait
        // the fetch can sit in the broker's purgatory after the commit marker, adding up to 500 ms per hop
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 10);
        // static membership: a restarted instance takes its partitions back at once, and close() can leave the
        // group (Streams removes static members on close; dynamic ones would hold their partitions until timeout)
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), InstanceId.of(settings));
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                (int) settings.sessionTimeout().toMillis());
        // three heartbeats per session, so one lost heartbeat does not cost the partitions
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                (int) Math.max(500, settings.sessionTimeout().toMillis() / 4));
        // transaction.timeout.ms stays at Kafka Streams' 10 s: a killed instance's open transaction holds back the
        // readers of what it wrote until the broker aborts it, but a timeout shorter than a broker failover expires
        // live transactions whose coordinator is moving. With 6 s, a broker kill fenced both processors and left
        // one stuck for minutes (docs/RELIABILITY.md)
        // operators' last word: any Kafka Streams setting, e.g. -Dreservations.streams.commit.interval.ms=20
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(STREAMS_OVERRIDE_PREFIX))
                .forEach(name -> props.put(name.substring(STREAMS_OVERRIDE_PREFIX.length()), System.getProperty(name)));
        if (settings.applicationServer() != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.applicationServer());
        }
        return props;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Read-your-writes for listings: see {@link OwnerIndexSync}. */
    public OwnerIndexSync ownerIndexSync() {
        return indexSync;
    }

    public ProcessorSettings settings() {
        return settings;
    }

    /** Leaves the group on close, so the partitions move to the other instances at once, not after a timeout. */
    @Override
    public void close() {
        streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(CLOSE_TIMEOUT));
        markers.close();
        LOG.info("Stream processor {} stopped", settings.applicationId());
    }
}
