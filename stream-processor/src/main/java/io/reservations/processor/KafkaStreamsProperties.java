package io.reservations.processor;

import io.reservations.processor.deadletters.RefusedOutputHandler;
import io.reservations.processor.deadletters.RefusedOutputs;
import io.reservations.processor.readmodels.OwnerIndexSync;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.TopicSettings;
import io.reservations.topics.Topics;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configurations of a processor's two applications, the shard masters and the read models, each
 * setting with the reason it differs from the default.
 */
final class KafkaStreamsProperties {

    /** Operators' last word: any Kafka Streams setting as a system property, e.g. {@code -Dreservations.streams.commit.interval.ms=20}. */
    private static final String STREAMS_OVERRIDE_PREFIX = "reservations.streams.";
    /** The same for the read models' application, e.g. {@code -Dreservations.read-models.commit.interval.ms=5000}. */
    private static final String READ_MODELS_OVERRIDE_PREFIX = "reservations.read-models.";
    /** How long a fetch may wait in the broker for records: the consumers' default, stated for its reason below. */
    private static final int IDLE_FETCH_WAIT_MS = 500;

    private KafkaStreamsProperties() {
    }

    /**
     * @param largestRecordBytes the largest record every topic takes (TopicProvisioner.Provisioned): the producer
     *                           refuses anything larger itself, so that RefusedOutputHandler knows the input
     */
    static Properties shardMasters(final ProcessorSettings settings, final short replicationFactor,
                                   final int largestRecordBytes, final RefusedOutputs refusedOutputs) {
        final Properties props = common(settings, settings.applicationId(), replicationFactor);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        // a saga hop waits for the origin's commit, and the thread only commits between polls: the default
        // 100 ms poll added ~100 ms to every hop while the thread waited for input (docs/PERFORMANCE.md)
        props.put(StreamsConfig.POLL_MS_CONFIG, 5);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        // static membership: a restarted instance takes its partitions back at once, and close() can leave the
        // group (Streams removes static members on close; dynamic ones would hold their partitions until timeout)
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), InstanceId.of(settings));
        // exactly-once producers retry CONCURRENT_TRANSACTIONS right after a commit; the default 100 ms stalls them
        props.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
        // under transactions v2 the first write of a transaction is refused with CONCURRENT_TRANSACTIONS until the
        // markers of the previous one are written; with the default exponential back-off (up to 1 s) every 10 ms
        // transaction then waited about a second on a slow host and the fault-injection suite's load stalled
        props.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG), 50);
        // records leave while the thread goes on processing, not all at once when it commits: Kafka Streams' 100 ms
        // default held every record of a 10 ms transaction until the commit's flush, which then waited for all of
        // them (pipeline +21 %, CPU per saga -19 %: docs/PERFORMANCE.md); a commit still flushes at once
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        // a 10,000-resource window: its event, its result and its de-duplication entry are single records (the
        // topics take them: TopicProvisioner)
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), largestRecordBytes);
        // a step whose records Kafka refuses goes to the dead letters on its next attempt, instead of being retried
        // by thread after thread for ever
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, RefusedOutputHandler.class);
        props.put(RefusedOutputs.CONFIG, refusedOutputs);
        // a read_committed fetch parked in the broker returns as soon as a commit marker makes records readable, so
        // the wait adds nothing to a hop; it only bounds how often an idle consumer asks (10 ms: 100 empty fetches a
        // second per consumer, most of an idle service's broker CPU; docs/PERFORMANCE.md)
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), IDLE_FETCH_WAIT_MS);
        // transaction.timeout.ms stays at Kafka Streams' 10 s: a timeout shorter than a broker failover expires
        // live transactions whose coordinator is moving (with 6 s, a broker kill fenced both processors and left
        // one stuck for minutes: docs/RELIABILITY.md). A killed instance's open transaction does not wait for it:
        // the instances that take its tasks abort it once it is out of the group (DepartedTransactionWatch)
        overrides(props, STREAMS_OVERRIDE_PREFIX);
        return props;
    }

    /**
     * The read models: at least once (a replayed result or reservation is put again, to the same value), reading
     * only committed records, committing once a second; a thread of their own that waits for input without
     * spinning, since nothing waits for its commits.
     */
    static Properties readModels(final ProcessorSettings settings, final short replicationFactor) {
        final Properties props = common(settings, StoresAndTopics.readModelsApplicationId(settings.applicationId()),
                replicationFactor);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        // a dynamic member, which leaves the group when it closes: its partitions (the durable command status, the
        // owner index) move to the other instances at once; their restore from their topics is quick
        // a listing waits for the index to read past the partition's end (OwnerIndexSync): a parked fetch returns
        // as soon as the shard masters' commit makes the index records readable, and poll as soon as they arrive
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), IDLE_FETCH_WAIT_MS);
        overrides(props, READ_MODELS_OVERRIDE_PREFIX);
        return props;
    }

    private static Properties common(final ProcessorSettings settings, final String applicationId,
                                     final short replicationFactor) {
        final Properties props = new Properties();
        props.putAll(settings.clientConfig()); // bootstrap servers and security, for every client Streams creates
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
        props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                TopicSettings.minInSyncReplicasFor(replicationFactor));
        props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), Integer.toString(Topics.MAX_RECORD_BYTES));
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                (int) settings.sessionTimeout().toMillis());
        // a member learns that another left the group at its next heartbeat: a tenth of the session (600 ms for
        // the fault suite's 6 s) keeps that short in a failover, and no lost heartbeat costs the partitions
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                (int) Math.max(500, settings.sessionTimeout().toMillis() / 10));
        if (settings.applicationServer() != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.applicationServer());
        }
        return props;
    }

    private static void overrides(final Properties props, final String prefix) {
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(prefix))
                .forEach(name -> props.put(name.substring(prefix.length()), System.getProperty(name)));
    }
}
