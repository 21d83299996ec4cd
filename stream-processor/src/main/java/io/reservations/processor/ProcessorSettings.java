package io.reservations.processor;

import io.micrometer.core.instrument.MeterRegistry;
import io.reservations.processor.deadletters.RefusedOutputs;
import io.reservations.processor.shard.ShardMasterOptions;
import io.reservations.processor.store.StoresAndTopics;
import io.reservations.topics.KafkaClientSecurity;
import io.reservations.topics.TopicSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Everything the processor process is configured with, read from environment variables.
 *
 * @param instanceId        static group member id of this instance, or null for one kept in the state directory
 * @param sessionTimeout    how long a silent instance keeps its partitions before the others take them over
 * @param applicationServer host:port other instances reach this one at for interactive queries, or null
 * @param security          SASL/TLS settings of every Kafka client of the processor
 * @param selectionTimeout  how long a selection waits for its window's answer before it is rejected
 */
public record ProcessorSettings(String bootstrapServers, String applicationId, Path stateDir, TopicSettings topics,
                                Duration commitInterval, Duration commandRetention, int standbyReplicas,
                                int streamThreads, String instanceId, Duration sessionTimeout,
                                String applicationServer, KafkaClientSecurity security, Duration selectionTimeout) {

    /** With the default selection timeout. */
    public ProcessorSettings(final String bootstrapServers, final String applicationId, final Path stateDir,
                             final TopicSettings topics, final Duration commitInterval, final Duration commandRetention,
                             final int standbyReplicas, final int streamThreads, final String instanceId,
                             final Duration sessionTimeout, final String applicationServer,
                             final KafkaClientSecurity security) {
        this(bootstrapServers, applicationId, stateDir, topics, commitInterval, commandRetention, standbyReplicas,
                streamThreads, instanceId, sessionTimeout, applicationServer, security,
                ShardMasterOptions.DEFAULT_SELECTION_TIMEOUT);
    }

    /** Without client security (PLAINTEXT). */
    public ProcessorSettings(final String bootstrapServers, final String applicationId, final Path stateDir,
                             final TopicSettings topics, final Duration commitInterval, final Duration commandRetention,
                             final int standbyReplicas, final int streamThreads, final String instanceId,
                             final Duration sessionTimeout, final String applicationServer) {
        this(bootstrapServers, applicationId, stateDir, topics, commitInterval, commandRetention, standbyReplicas,
                streamThreads, instanceId, sessionTimeout, applicationServer, KafkaClientSecurity.NONE);
    }

    /** Bootstrap servers and security: the base of every client configuration. */
    public Map<String, Object> clientConfig() {
        final Map<String, Object> config = new HashMap<>(security.clientConfig());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    public static ProcessorSettings fromEnvironment(final Map<String, String> env) {
        return new ProcessorSettings(
                env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
                env.getOrDefault("PROCESSOR_APPLICATION_ID", StoresAndTopics.DEFAULT_APPLICATION_ID),
                Path.of(env.getOrDefault("PROCESSOR_STATE_DIR", "data/streams")),
                new TopicSettings(
                        Integer.parseInt(env.getOrDefault("TOPIC_PARTITIONS", Integer.toString(TopicSettings.DEFAULT_PARTITIONS))),
                        Integer.parseInt(env.getOrDefault("TOPIC_REPLICATION_FACTOR", "0")),
                        Boolean.parseBoolean(env.getOrDefault("TOPIC_CORRECT_DRIFT", "true"))),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("PROCESSOR_COMMIT_INTERVAL_MS", "10"))),
                Duration.parse(env.getOrDefault("PROCESSOR_COMMAND_RETENTION", "PT24H")),
                Integer.parseInt(env.getOrDefault("PROCESSOR_STANDBY_REPLICAS", "0")),
                Integer.parseInt(env.getOrDefault("PROCESSOR_STREAM_THREADS", "1")),
                env.get("PROCESSOR_INSTANCE_ID"),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("PROCESSOR_SESSION_TIMEOUT_MS", "10000"))),
                env.get("PROCESSOR_APPLICATION_SERVER"),
                KafkaClientSecurity.fromEnvironment(env),
                Duration.parse(env.getOrDefault("PROCESSOR_SELECTION_TIMEOUT", "PT30S")));
    }

    public ProcessorSettings withStateDir(final Path dir) {
        return new ProcessorSettings(bootstrapServers, applicationId, dir, topics, commitInterval, commandRetention,
                standbyReplicas, streamThreads, instanceId, sessionTimeout, applicationServer, security, selectionTimeout);
    }

    public ShardMasterOptions shardMasterOptions(final MeterRegistry meterRegistry, final RefusedOutputs refusedOutputs) {
        return new ShardMasterOptions(topics.partitions(), commandRetention, true, meterRegistry, selectionTimeout,
                refusedOutputs);
    }
}
